package fr.espacesante.local.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/** A scheduled test function: records each input it receives through FunctionInvoker. */
public class TickFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void initialize(GenericApplicationContext context) {
        context.registerBean("tick", FunctionRegistration.class, () ->
                new FunctionRegistration<Consumer<Map>>(input -> RECEIVED.add(String.valueOf(input.get("task"))))
                        .type(FunctionTypeUtils.consumerType(Map.class)));
    }
}
