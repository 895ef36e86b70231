package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.aws.http.HttpFunction;
import fr.espacesante.local.SamTemplate.FunctionDef;
import fr.espacesante.local.SamTemplate.HttpRoute;
import fr.espacesante.local.support.LocalStackSupport;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Every route of template.yaml is served by the function the template sends it to, and every route
 * a function serves is in the template: each function's registration is built as Lambda builds it
 * (its MAIN_CLASS initializer, its template environment) and its route table compared.
 */
class RouteCoverageIT {

    private final LocalStack stack = LocalStackSupport.shared();

    @Test
    void template_routes_and_function_routes_are_the_same() throws Exception {
        int routes = 0;
        for (FunctionDef function : stack.template().functions()) {
            Object target = registeredFunction(function);
            var declared = function.routes().stream().map(HttpRoute::routeKey).collect(Collectors.toSet());
            if (declared.isEmpty()) {
                assertThat(target).as(function.logicalId() + " has no route: not an HTTP function")
                        .isNotInstanceOf(HttpFunction.class);
                continue;
            }
            assertThat(target).as(function.logicalId()).isInstanceOf(HttpFunction.class);
            assertThat(((HttpFunction) target).routeKeys()).as(function.logicalId() + " serves exactly its template routes")
                    .containsExactlyInAnyOrderElementsOf(declared);
            routes += declared.size();
        }
        assertThat(routes).isGreaterThanOrEqualTo(38);
    }

    @SuppressWarnings("unchecked")
    private static Object registeredFunction(FunctionDef function) throws Exception {
        Map<String, Object> environment = new HashMap<>(function.environment());
        var initializer = (ApplicationContextInitializer<GenericApplicationContext>) Class
                .forName(function.environment().get("MAIN_CLASS")).getDeclaredConstructor().newInstance();
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("template", environment));
            initializer.initialize(context);
            context.refresh();
            return context.getBean(function.environment().get("SPRING_CLOUD_FUNCTION_DEFINITION"), FunctionRegistration.class)
                    .getTarget();
        }
    }
}
