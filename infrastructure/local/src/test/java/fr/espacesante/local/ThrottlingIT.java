package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.local.support.LocalStackSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The local gateway throttles routes as API Gateway does, from the template's route settings: the
 * objection route allows a burst of 50 then 20 a second; 60 objections at once get some
 * {@code 429 {"message":"Too Many Requests"}}, before any function runs. (Their bodies lack the code:
 * the function refuses them before counting a failed attempt for the address, which other tests use.)
 */
class ThrottlingIT {

    private static final LocalStack STACK = LocalStackSupport.shared();
    private static final HttpClient CLIENT = HttpClient.newBuilder().executor(java.util.concurrent.Executors.newFixedThreadPool(60)).build();

    @Test
    void sixty_objections_at_once_meet_the_routes_burst_limit() throws Exception {
        SamTemplate.Throttle limit = STACK.template().throttles().get("POST /opposition/code");
        assertThat(limit).isEqualTo(new SamTemplate.Throttle(50, 20));
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            sent.add(CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(STACK.gatewayUrl() + "/opposition/code"))
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> throttledBodies = new ArrayList<>();
        for (var answer : sent) {
            HttpResponse<String> response = answer.join();
            byStatus.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() == 429 && !response.body().contains("code")) {
                throttledBodies.add(response.body());
            }
        }
        System.out.println("ThrottlingIT: 60 objections at once, answers by status " + byStatus);
        assertThat(throttledBodies).isNotEmpty().allMatch("{\"message\":\"Too Many Requests\"}"::equals);
        assertThat(byStatus.values().stream().mapToInt(Integer::intValue).sum() - throttledBodies.size())
                .as("the others reached the function").isGreaterThanOrEqualTo(50);
        // Let the bucket fill again for the other tests of the shared stack.
        Thread.sleep(3_000);
    }
}
