package fr.espacesante.spacesweep;

import fr.espacesante.aws.AwsAdapters;
import fr.espacesante.domain.campaign.SpaceSweep;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/** The nightly sweep Lambda (EventBridge Scheduler): creates the spaces whose objection period ended. */
public class SpaceSweepFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "sweepSpaces";

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void initialize(GenericApplicationContext context) {
        context.registerBean(FUNCTION_NAME, FunctionRegistration.class, () -> {
            var adapters = new AwsAdapters(context.getEnvironment()::getRequiredProperty);
            SpaceSweep sweep = new SpaceSweep(adapters.dueSpaces(), adapters.waves(), adapters.clock(),
                    adapters.objectionDays());
            Function<Map, Map> run = event -> {
                SpaceSweep.SweepReport report = sweep.sweep();
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("du", report.from().toString());
                out.put("au", report.through().toString());
                out.put("espacesCrees", report.spacesCreated());
                out.put("dejaTraites", report.alreadyHandled());
                return out;
            };
            return new FunctionRegistration<>(run).type(FunctionTypeUtils.functionType(Map.class, Map.class));
        });
    }
}
