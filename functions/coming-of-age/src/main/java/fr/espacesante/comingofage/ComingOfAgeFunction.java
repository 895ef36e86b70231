package fr.espacesante.comingofage;

import fr.espacesante.aws.function.Registrations;
import fr.espacesante.domain.family.ComingOfAge;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The daily handover Lambda (EventBridge Scheduler): hands each minor's space over to the young
 * adult on their 18th birthday.
 */
public class ComingOfAgeFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "handOverAtMajority";

    @Override
    public void initialize(GenericApplicationContext context) {
        Registrations.task(context, FUNCTION_NAME, adapters -> {
            ComingOfAge comingOfAge = new ComingOfAge(adapters.handovers(), adapters.spaces(), adapters.persons(),
                    adapters.mailer(), adapters.postalMail(), adapters.codes(), adapters.handoverNotices(),
                    adapters.clock(), adapters.sendLease());
            return event -> {
                ComingOfAge.Report report = comingOfAge.run();
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("du", report.from().toString());
                out.put("au", report.through().toString());
                out.put("courriels", report.emails());
                out.put("courriers", report.letters());
                out.put("dejaTraites", report.alreadyHandled());
                return out;
            };
        });
    }
}
