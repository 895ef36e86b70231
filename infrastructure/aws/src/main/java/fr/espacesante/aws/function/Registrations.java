package fr.espacesante.aws.function;

import fr.espacesante.aws.AwsAdapters;
import fr.espacesante.aws.http.Callers;
import fr.espacesante.aws.http.HttpFunction;
import java.io.InputStream;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.cloud.function.adapter.aws.AWSCompanionAutoConfiguration;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.messaging.converter.MessageConverter;

/**
 * The one way a function registers its bean (functional registration: no component scan, no
 * auto-configuration, for the cold start). Adapters are built from the function's environment, the
 * template's variables, once per execution environment.
 */
public final class Registrations {

    private Registrations() {
    }

    /**
     * An HTTP API function. Its input is the raw event stream (see {@link HttpFunction} for why), its
     * output the API Gateway response, both read and written by our code only.
     */
    public static void http(GenericApplicationContext context, String name,
                            BiFunction<AwsAdapters, Callers, HttpFunction> routes) {
        context.registerBean(name, FunctionRegistration.class, () -> {
            AwsAdapters adapters = adapters(context);
            return new FunctionRegistration<>(routes.apply(adapters, Callers.fromEnvironment(adapters::env)))
                    .type(FunctionTypeUtils.functionType(InputStream.class, byte[].class));
        });
    }

    /** A function fed by an AWS event type (S3 notification…), converted by the AWS adapter. */
    public static <E> void consumer(GenericApplicationContext context, String name, Class<E> eventType,
                                    Function<AwsAdapters, Consumer<E>> handler) {
        context.registerBean("awsTypesMessageConverter", MessageConverter.class,
                () -> new AWSCompanionAutoConfiguration().awsTypesMessageConverter(context));
        context.registerBean(name, FunctionRegistration.class, () ->
                new FunctionRegistration<>(handler.apply(adapters(context))).type(FunctionTypeUtils.consumerType(eventType)));
    }

    /** A function invoked with a JSON object (a schedule's input, an EventBridge event) that answers one. */
    @SuppressWarnings("rawtypes")
    public static void task(GenericApplicationContext context, String name,
                            Function<AwsAdapters, Function<Map, Map>> handler) {
        context.registerBean(name, FunctionRegistration.class, () ->
                new FunctionRegistration<>(handler.apply(adapters(context)))
                        .type(FunctionTypeUtils.functionType(Map.class, Map.class)));
    }

    private static AwsAdapters adapters(GenericApplicationContext context) {
        return new AwsAdapters(context.getEnvironment()::getRequiredProperty);
    }
}
