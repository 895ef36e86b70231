package fr.espacesante.agendareminders;

import fr.espacesante.aws.function.Registrations;
import fr.espacesante.domain.agenda.AgendaReminders;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/** The agenda's reminder e-mails (EventBridge Scheduler, every 15 minutes). */
public class AgendaRemindersFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "remindAgenda";

    @Override
    public void initialize(GenericApplicationContext context) {
        Registrations.task(context, FUNCTION_NAME, adapters -> {
            AgendaReminders reminders = adapters.agendaReminders();
            return event -> {
                AgendaReminders.Report report = reminders.run();
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("courriels", report.sent());
                out.put("sansCourriel", report.withoutEmail());
                out.put("dejaTraites", report.alreadyHandled());
                return out;
            };
        });
    }
}
