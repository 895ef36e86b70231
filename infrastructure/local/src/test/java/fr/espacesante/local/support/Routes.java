package fr.espacesante.local.support;

import fr.espacesante.local.LocalStack;
import fr.espacesante.local.SamTemplate.HttpRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Every HTTP route of template.yaml, with a concrete path and a token of the population it serves. */
public final class Routes {

    /** One route as a caller meets it. */
    public record Target(String function, HttpRoute route, String path) {
        public String routeKey() {
            return route.routeKey();
        }
    }

    private Routes() {
    }

    public static List<Target> all(LocalStack stack) {
        List<Target> targets = new ArrayList<>();
        stack.template().functions().forEach(f -> f.routes().forEach(route -> targets.add(
                new Target(f.logicalId(), route, concrete(route.path())))));
        return targets;
    }

    /** Path parameters filled with values of the right shape that name nothing. */
    public static String concrete(String path) {
        return path.replace("{rpps}", "10999999998")
                .replace("{documentId}", UUID.randomUUID().toString())
                .replace("{waveId}", "vague-2026-01-05-0badc0de")
                .replace("{importId}", "20260101T000000000Z-0badc0de")
                .replace("{reference}", "0badc0de0badc0de0badc0de")
                .replace("{invitation}", UUID.randomUUID().toString())
                // A parameter added later still gets a value (a wrong shape is itself a malformed input).
                .replaceAll("\\{[A-Za-z]+}", "0badc0de");
    }
}
