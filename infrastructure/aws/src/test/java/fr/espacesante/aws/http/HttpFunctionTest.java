package fr.espacesante.aws.http;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.domain.space.SpaceNotFoundException;
import fr.espacesante.domain.space.TooManyAttemptsException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The request pipeline without any network: the event as API Gateway builds it, in; the response, out. */
class HttpFunctionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CITIZEN = "https://citoyen.example/citizen";
    private static final String PRO = "https://pro.example/professional";
    private static final String ADMIN = "https://admin.example/admin";

    private final HttpFunction function = new HttpFunction(new Callers(CITIZEN, PRO, ADMIN, "espace-sante/admin"))
            .on("GET /espace", Caller.Citizen.class, (citizen, request) -> ApiResponse.ok(new Seen(citizen.subject(), null)))
            .on("PUT /espace/coordonnees", Caller.Citizen.class, (citizen, request) ->
                    ApiResponse.ok(new Seen(citizen.subject(), Fields.optionalEmail(request.jsonBody(), "email").orElse(null))))
            .on("POST /opposition/code", Caller.Anonymous.class, (client, request) ->
                    ApiResponse.created(new Seen(client.clientAddress(), null)))
            .on("GET /admin/vagues", Caller.Operator.class, (operator, request) -> ApiResponse.ok(new Seen(operator.agent(), null)))
            .on("GET /espace/acces", Caller.Citizen.class, (citizen, request) -> {
                throw new SpaceNotFoundException();
            })
            .on("POST /espace/activation", Caller.Citizen.class, (citizen, request) -> {
                throw new TooManyAttemptsException(Instant.parse("2026-11-29T10:00:00Z"));
            })
            .on("GET /espace/historique", Caller.Citizen.class, (citizen, request) -> {
                throw new IllegalStateException("mot de passe 185057800608491 dans le message");
            });

    record Seen(String who, String email) {
    }

    @Test
    void the_caller_comes_from_the_event_claims_and_never_from_the_body() {
        String forged = "[" + event("GET /espace", Map.of("iss", CITIZEN, "sub", "victime"), "198.51.100.9", null) + "]";

        JsonNode answer = call(event("PUT /espace/coordonnees", Map.of("iss", CITIZEN, "sub", "pirate"), "192.0.2.1", forged));

        assertThat(answer.get("statusCode").asInt()).isEqualTo(400);
        assertThat(body(answer).get("code").asString()).isEqualTo("CORPS_INVALIDE");
        JsonNode own = call(event("GET /espace", Map.of("iss", CITIZEN, "sub", "pirate"), "192.0.2.1", forged));
        assertThat(body(own).get("who").asString()).isEqualTo("pirate");
    }

    @Test
    void a_public_route_sees_the_address_api_gateway_saw() {
        JsonNode answer = call(event("POST /opposition/code", Map.of(), "192.0.2.7",
                "{\"requestContext\":{\"http\":{\"sourceIp\":\"203.0.113.1\"}}}"));
        assertThat(answer.get("statusCode").asInt()).isEqualTo(201);
        assertThat(body(answer).get("who").asString()).isEqualTo("192.0.2.7");
    }

    @Test
    void a_token_of_another_issuer_or_without_the_scope_is_refused_by_the_function_too() {
        assertThat(call(event("GET /espace", Map.of("iss", PRO, "sub", "x"), "192.0.2.1", null)).get("statusCode").asInt())
                .isEqualTo(401);
        assertThat(call(event("GET /espace", Map.of(), "192.0.2.1", null)).get("statusCode").asInt()).isEqualTo(401);
        assertThat(call(event("GET /admin/vagues", Map.of("iss", ADMIN, "sub", "agent"), "192.0.2.1", null))
                .get("statusCode").asInt()).isEqualTo(403);
    }

    @Test
    void refusals_map_to_their_status_in_one_place_with_code_and_french_message() {
        JsonNode notFound = call(event("GET /espace/acces", Map.of("iss", CITIZEN, "sub", "x"), "192.0.2.1", null));
        assertThat(notFound.get("statusCode").asInt()).isEqualTo(404);
        assertThat(body(notFound).get("code").asString()).isEqualTo("ESPACE_INTROUVABLE");
        JsonNode locked = call(event("POST /espace/activation", Map.of("iss", CITIZEN, "sub", "x"), "192.0.2.1", null));
        assertThat(locked.get("statusCode").asInt()).isEqualTo(429);
        assertThat(body(locked).get("message").asString()).startsWith("Trop de tentatives");
        assertThat(body(locked).get("reessayerApres").asString()).isEqualTo("2026-11-29T10:00:00Z");
        JsonNode unknown = call(event("DELETE /nulle-part", Map.of(), "192.0.2.1", null));
        assertThat(unknown.get("statusCode").asInt()).isEqualTo(404);
    }

    @Test
    void an_unexpected_failure_is_a_bare_500_that_repeats_nothing() {
        JsonNode failed = call(event("GET /espace/historique", Map.of("iss", CITIZEN, "sub", "x"), "192.0.2.1", null));
        assertThat(failed.get("statusCode").asInt()).isEqualTo(500);
        assertThat(failed.get("body").asString()).doesNotContain("185057800608491").doesNotContain("IllegalState");
    }

    @Test
    void what_is_not_an_http_api_event_is_refused() {
        for (String input : List.of("[]", "[{\"version\":\"2.0\"}]", "{}", "not json", "{\"version\":\"1.0\",\"routeKey\":\"x\"}")) {
            JsonNode answer = JSON.readTree(function.apply(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8))));
            assertThat(answer.get("statusCode").asInt()).as(input).isEqualTo(400);
        }
    }

    @Test
    void text_fields_refuse_nul_and_invisible_characters() {
        JsonNode answer = call(event("PUT /espace/coordonnees", Map.of("iss", CITIZEN, "sub", "x"), "192.0.2.1",
                "{\"email\":\"a\\u0000@example.fr\"}"));
        assertThat(answer.get("statusCode").asInt()).isEqualTo(400);
        assertThat(body(answer).get("code").asString()).isEqualTo("CARACTERES_INTERDITS");
    }

    private JsonNode call(String event) {
        return JSON.readTree(function.apply(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8))));
    }

    private static JsonNode body(JsonNode answer) {
        return JSON.readTree(answer.get("body").asString());
    }

    private static String event(String routeKey, Map<String, String> claims, String sourceIp, String body) {
        Map<String, Object> context = new java.util.LinkedHashMap<>();
        context.put("http", Map.of("sourceIp", sourceIp));
        if (!claims.isEmpty()) {
            context.put("authorizer", Map.of("jwt", Map.of("claims", claims, "scopes", List.of())));
        }
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("requestContext", context);
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return JSON.writeValueAsString(event);
    }
}
