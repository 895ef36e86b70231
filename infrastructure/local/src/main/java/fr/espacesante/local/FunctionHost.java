package fr.espacesante.local;

import fr.espacesante.local.SamTemplate.FunctionDef;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * Runs the template's functions in this JVM through the very entry point Lambda calls
 * ({@link FunctionInvoker#handleRequest}), with the raw JSON event Lambda would pass.
 *
 * <p>Each function is one execution environment: started on its first invocation (a cold start),
 * with its own Spring context and its template environment, then invoked one request at a time.
 */
public final class FunctionHost {

    /** Environment variables are per process; a function's are visible as system properties while it starts. */
    private static final Object STARTUP = new Object();
    private static final List<String> NOT_FOR_FUNCTIONS = List.of("JAVA_TOOL_OPTIONS");

    private final Map<String, Environment> environments = new LinkedHashMap<>();
    /** Further environments of a function invoked concurrently (queue pollers), by function and slot. */
    private final Map<String, Environment> concurrent = new java.util.concurrent.ConcurrentHashMap<>();

    FunctionHost(List<FunctionDef> functions) {
        functions.forEach(f -> environments.put(f.logicalId(), new Environment(f)));
    }

    public String invoke(String logicalId, String eventJson) {
        return environment(logicalId).invoke(eventJson);
    }

    /**
     * Invokes the function in its execution environment number {@code slot}: slot 0 is the one
     * {@link #invoke} uses, each other slot is one more environment, cold-started on its first use.
     */
    public String invokeIn(String logicalId, int slot, String eventJson) {
        Environment first = environment(logicalId);
        return slot == 0 ? first.invoke(eventJson)
                : concurrent.computeIfAbsent(logicalId + "#" + slot, k -> new Environment(first.definition)).invoke(eventJson);
    }

    private Environment environment(String logicalId) {
        Environment environment = environments.get(logicalId);
        if (environment == null) {
            throw new IllegalArgumentException("no function " + logicalId + " in template.yaml");
        }
        return environment;
    }

    private static final class Environment {
        private final FunctionDef definition;
        private FunctionInvoker invoker;

        Environment(FunctionDef definition) {
            this.definition = definition;
        }

        synchronized String invoke(String eventJson) {
            if (invoker == null) {
                invoker = coldStart();
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            try {
                invoker.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), output,
                        LocalLambdaContext.start(definition.logicalId(), 900));
            } catch (IOException e) {
                throw new IllegalStateException(definition.logicalId() + " failed", e);
            }
            return output.toString(StandardCharsets.UTF_8);
        }

        private FunctionInvoker coldStart() {
            synchronized (STARTUP) {
                Map<String, String> previous = new HashMap<>();
                definition.environment().forEach((name, value) -> {
                    if (!NOT_FOR_FUNCTIONS.contains(name)) {
                        previous.put(name, System.getProperty(name));
                        System.setProperty(name, value);
                    }
                });
                try {
                    return new FunctionInvoker(definition.environment().get("SPRING_CLOUD_FUNCTION_DEFINITION"));
                } finally {
                    previous.forEach((name, value) -> {
                        if (value == null) {
                            System.clearProperty(name);
                        } else {
                            System.setProperty(name, value);
                        }
                    });
                }
            }
        }
    }
}
