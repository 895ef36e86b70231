package fr.espacesante.spacepurge;

import fr.espacesante.aws.function.Registrations;
import fr.espacesante.domain.lifecycle.RetentionPurge;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The hourly purge Lambda (EventBridge Scheduler): erases the spaces whose deletion was asked and
 * the closed spaces whose retention ended.
 */
public class SpacePurgeFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "purgeSpaces";

    @Override
    public void initialize(GenericApplicationContext context) {
        Registrations.task(context, FUNCTION_NAME, adapters -> {
            RetentionPurge purge = new RetentionPurge(adapters.purgeSchedule(), adapters.spaceErasure(), adapters.clock());
            return event -> {
                RetentionPurge.PurgeReport report = purge.purge();
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("du", report.from().toString());
                out.put("au", report.through().toString());
                out.put("espacesSupprimes", report.spacesPurged());
                out.put("dejaTraites", report.alreadyHandled());
                return out;
            };
        });
    }
}
