package fr.espacesante.aws.function;

import fr.espacesante.aws.AwsAdapters;
import fr.espacesante.aws.http.Callers;
import fr.espacesante.aws.http.HttpFunction;
import fr.espacesante.domain.access.AccessPolicy;
import fr.espacesante.domain.access.AccessRequest;
import fr.espacesante.domain.access.Actor;
import fr.espacesante.domain.access.Resource;
import fr.espacesante.domain.access.SpaceAccess;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
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
            HttpFunction function = routes.apply(adapters, Callers.fromEnvironment(adapters::env));
            SnapStartPriming.register(name, () -> prime(function));
            return new FunctionRegistration<>(function)
                    .type(FunctionTypeUtils.functionType(InputStream.class, byte[].class));
        });
    }

    /**
     * One request per route, without a caller: each is refused by the function itself (401/403/404),
     * through the same reading, routing and error mapping as a real request; then one access decision.
     */
    static void prime(HttpFunction function) {
        for (String routeKey : function.routeKeys()) {
            String[] methodAndPath = routeKey.split(" ", 2);
            String event = "{\"version\":\"2.0\",\"routeKey\":\"" + routeKey + "\",\"rawPath\":\"" + methodAndPath[1]
                    + "\",\"headers\":{},\"requestContext\":{\"http\":{\"method\":\"" + methodAndPath[0]
                    + "\",\"path\":\"" + methodAndPath[1] + "\"},\"requestId\":\"amorcage\"},\"isBase64Encoded\":false}";
            function.apply(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
        }
        new AccessPolicy().decide(new AccessRequest(new Actor.Patient("amorcage"), SpaceAccess.ownedBy("amorcage"),
                Resource.of(Resource.Kind.SETTINGS), AccessRequest.Action.READ, Optional.empty()));
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
