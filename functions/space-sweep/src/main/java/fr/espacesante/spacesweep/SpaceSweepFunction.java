package fr.espacesante.spacesweep;

import fr.espacesante.aws.function.Registrations;
import fr.espacesante.domain.campaign.SpaceSweep;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/** The nightly sweep Lambda (EventBridge Scheduler): creates the spaces whose objection period ended. */
public class SpaceSweepFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "sweepSpaces";

    @Override
    public void initialize(GenericApplicationContext context) {
        Registrations.task(context, FUNCTION_NAME, adapters -> {
            SpaceSweep sweep = new SpaceSweep(adapters.dueSpaces(), adapters.waves(), adapters.clock(),
                    adapters.objectionDays());
            return event -> {
                SpaceSweep.SweepReport report = sweep.sweep();
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("du", report.from().toString());
                out.put("au", report.through().toString());
                out.put("espacesCrees", report.spacesCreated());
                out.put("dejaTraites", report.alreadyHandled());
                return out;
            };
        });
    }
}
