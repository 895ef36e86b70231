package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.aws.function.SnapStartPriming;
import fr.espacesante.local.SamTemplate.FunctionDef;
import fr.espacesante.local.support.LocalStackSupport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The SnapStart hooks of every HTTP function, run as Lambda runs them (before the snapshot, after a
 * restore): each primes its function and opens no connection that the snapshot would keep.
 */
class SnapStartPrimingIT {

    private final LocalStack stack = LocalStackSupport.shared();

    @Test
    void every_http_function_is_primed_before_the_snapshot_without_opening_a_connection() throws Exception {
        // GIVEN every HTTP function initialised (cold-started by a request to a route it does not have)
        List<FunctionDef> http = stack.template().functions().stream().filter(f -> !f.routes().isEmpty()).toList();
        for (FunctionDef function : http) {
            stack.functions().invoke(function.logicalId(), "{\"version\":\"2.0\",\"routeKey\":\"GET /_amorcage\","
                    + "\"rawPath\":\"/_amorcage\",\"headers\":{},\"requestContext\":{\"http\":{\"method\":\"GET\","
                    + "\"path\":\"/_amorcage\"},\"requestId\":\"amorcage\"},\"isBase64Encoded\":false}");
        }
        Set<String> names = http.stream().map(f -> f.environment().get("SPRING_CLOUD_FUNCTION_DEFINITION"))
                .collect(Collectors.toSet());
        Map<String, SnapStartPriming> primings = new TreeMap<>();
        SnapStartPriming.registered().forEach(p -> primings.put(p.function(), p));
        assertThat(primings.keySet()).as("a priming per HTTP function").containsAll(names);
        Set<Integer> ports = Set.of(port(stack.dynamoDbUrl()), port(stack.s3Url()), port(stack.sesUrl()));
        long before = connections(ports);

        // WHEN Lambda would take the snapshot, then restore it
        for (String name : names) {
            primings.get(name).beforeCheckpoint(null);
        }
        long afterPriming = connections(ports);
        for (String name : names) {
            primings.get(name).afterRestore(null);
        }

        // THEN each hook ran once, and none opened a connection to DynamoDB, S3 or SES
        for (String name : names) {
            assertThat(primings.get(name).timesPrimed()).as(name + " primed").isEqualTo(1);
            assertThat(primings.get(name).timesRestored()).as(name + " restored").isEqualTo(1);
        }
        assertThat(afterPriming).as("connections to the AWS emulators").isLessThanOrEqualTo(before);
        System.out.printf("SnapStartPrimingIT: %d HTTP functions primed and restored; connections to DynamoDB, S3"
                + " and SES before priming %d, after %d%n", names.size(), before, afterPriming);
    }

    private static int port(String url) {
        return URI.create(url).getPort();
    }

    /** Established TCP connections with one end on those ports (this JVM serves and calls them all). */
    private static long connections(Set<Integer> ports) throws IOException {
        long count = 0;
        for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> rows = Files.readAllLines(file); // one read: pollers open connections meanwhile
            for (String line : rows.subList(1, rows.size())) {
                String[] fields = line.trim().split("\\s+");
                boolean established = "01".equals(fields[3]);
                int local = Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1), 16);
                int remote = Integer.parseInt(fields[2].substring(fields[2].indexOf(':') + 1), 16);
                if (established && (ports.contains(local) || ports.contains(remote))) {
                    count++;
                }
            }
        }
        return count;
    }
}
