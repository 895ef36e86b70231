package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.domain.nir.Nir;
import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.local.support.Http;
import fr.espacesante.local.support.LocalStackSupport;
import fr.espacesante.local.support.Registry;
import fr.espacesante.local.support.Routes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import tools.jackson.databind.JsonNode;

/**
 * An attacker with a valid token sends, on every route of template.yaml, a body (and a header named
 * {@code payload}) holding a whole forged API Gateway event: another patient's login, an invented
 * emergency physician, an operator, a made-up client address. The function must see only the event
 * the gateway built: no other space reached, no false actor in any history, no limit keyed on the
 * forged address.
 */
class ForgedEventIT {

    private static final LocalStack STACK = LocalStackSupport.shared();
    private static final String API = STACK.gatewayUrl();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final int BASE = 600_000 + (int) (Math.random() * 90_000);
    private static final String VICTIM_NIR = Registry.nir(BASE);
    private static final String ATTACKER_NIR = Registry.nir(BASE + 1);
    private static final String VICTIM_EMAIL = "victime." + BASE + "@example.fr";
    private static final String VICTIM_SUBJECT = "victime-" + UUID.randomUUID();
    private static final String ATTACKER_SUBJECT = "pirate-" + UUID.randomUUID();
    private static final String FORGED_IP = "203.0.113.66";
    private static final String FORGED_RPPS = "19999999999";

    @BeforeAll
    static void twoPatients() {
        Registry.importLines(STACK, "registre/forge-" + BASE + ".csv", List.of(
                Registry.line(VICTIM_NIR, "Victime", "Vera", VICTIM_EMAIL),
                Registry.line(ATTACKER_NIR, "Pirate", "Paul", "pirate." + BASE + "@example.fr")));
        assertThat(Http.send("POST", API + "/espace/activation", citizen(VICTIM_SUBJECT),
                activation(VICTIM_NIR, "Victime")).statusCode()).isEqualTo(200);
        assertThat(Http.send("POST", API + "/espace/activation", citizen(ATTACKER_SUBJECT),
                activation(ATTACKER_NIR, "Pirate")).statusCode()).isEqualTo(200);
    }

    @Test
    void a_forged_event_in_the_body_or_a_header_never_replaces_the_one_the_gateway_built() throws Exception {
        String victimKey = new NirProtection(STACK.parameter("NirHashKey"), STACK.parameter("NirSealKey"))
                .lookupKey(Nir.parse(VICTIM_NIR));
        int historyBefore = history(victimKey).size();
        List<String> answers = new ArrayList<>();

        for (Routes.Target target : Routes.all(STACK)) {
            String token = token(target.route().authorizer());
            String forged = "[" + forgedEvent(target) + "]";
            for (boolean inHeader : new boolean[] {false, true}) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(API + target.path()))
                        .method(target.route().method(), HttpRequest.BodyPublishers.ofString(inHeader ? "{}" : forged))
                        .header("content-type", "application/json");
                if (inHeader) {
                    request.header("payload", forged);
                }
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
                answers.add(target.routeKey() + (inHeader ? " [header]" : " [body]") + " -> " + response.statusCode());

                assertThat(response.statusCode()).as(target.routeKey() + " never fails").isLessThan(500);
                assertThat(response.body()).as(target.routeKey() + " never shows the victim's space")
                        .doesNotContain(VICTIM_EMAIL);
                // Routes that take a body (every POST and PUT without a path parameter) refuse an array
                boolean takesBody = target.routeKey().matches("(POST|PUT) [^{]*");
                if (!inHeader && takesBody) {
                    assertThat(response.statusCode()).as(target.routeKey() + ": an array body is not an object")
                            .isEqualTo(400);
                    JsonNode refusal = Http.json(response);
                    // The FHIR API refuses with an OperationOutcome, whose details carry the code.
                    String code = refusal.has("resourceType") ? refusal.get("issue").get(0).get("details").get("text").asString()
                            : refusal.get("code").asString();
                    assertThat(code).isIn("CORPS_INVALIDE", "RESSOURCE_INVALIDE");
                }
            }
        }

        // The victim's space is as it was: same e-mail, and its history holds no entry made by anyone else
        JsonNode space = Http.json(Http.send("GET", API + "/espace", citizen(VICTIM_SUBJECT), null));
        assertThat(space.get("email").asString()).isEqualTo(VICTIM_EMAIL);
        List<Map<String, AttributeValue>> history = history(victimKey);
        assertThat(history).as("no forged entry in the victim's access history").hasSize(historyBefore + 1);
        assertThat(history.stream().map(e -> e.get("actorId") == null ? "" : e.get("actorId").s()))
                .doesNotContain(FORGED_RPPS);
        // No attempt limit ever counted the forged client address
        var counters = STACK.dynamoDb().scanPaginator(b -> b.tableName(STACK.physicalName("AttemptsTable"))).items();
        assertThat(counters.stream().map(i -> i.get("attemptKey").s()).filter(k -> k.contains(FORGED_IP))).isEmpty();
        System.out.printf("ForgedEventIT: %d forged requests over %d routes, none reached another space%n",
                answers.size(), answers.size() / 2);
    }

    /** A whole API Gateway event as an attacker would write it: someone else's identity, another address. */
    private static String forgedEvent(Routes.Target target) {
        Map<String, String> claims = new LinkedHashMap<>();
        String authorizer = target.route().authorizer();
        if ("ProfessionalAuth".equals(authorizer)) {
            claims.put("iss", STACK.parameter("ProfessionalIssuerUrl"));
            claims.put("rpps", FORGED_RPPS);
            claims.put("profession", "medecin");
            claims.put("emergency_setting", "true");
            claims.put("name", "Dr Faussaire");
        } else if ("AdminAuth".equals(authorizer)) {
            claims.put("iss", STACK.parameter("AdminIssuerUrl"));
            claims.put("sub", "faux-operateur");
        } else {
            claims.put("iss", STACK.parameter("CitizenIssuerUrl"));
            claims.put("sub", VICTIM_SUBJECT);
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", target.routeKey());
        event.put("rawPath", target.path());
        event.put("headers", Map.of("content-type", "application/json"));
        event.put("requestContext", Map.of(
                "authorizer", Map.of("jwt", Map.of("claims", claims, "scopes", List.of("espace-sante/admin"))),
                "http", Map.of("method", target.route().method(), "path", target.path(), "sourceIp", FORGED_IP),
                "routeKey", target.routeKey()));
        event.put("body", "{\"email\":\"pirate@example.fr\",\"notifications\":{\"nouveauxDocuments\":false,"
                + "\"messages\":false,\"rappelsAgenda\":false},\"ins\":\"" + VICTIM_NIR + "\",\"justification\":"
                + "\"urgence vitale inventee\",\"justificationUrgence\":\"urgence vitale inventee\",\"code\":\"ABCDE-FGHJK\"}");
        event.put("isBase64Encoded", false);
        return Http.JSON.writeValueAsString(event);
    }

    private static String token(String authorizer) {
        if (authorizer == null) {
            return null;
        }
        return switch (authorizer) {
            case "CitizenAuth" -> citizen(ATTACKER_SUBJECT);
            case "ProfessionalAuth" -> Http.token(API, "professional", "rpps=10888888881&profession=infirmier&urgence=false");
            case "AdminAuth" -> Http.token(API, "operator", "agent=42");
            case "ServiceAuth" -> fr.espacesante.local.support.ServiceTokens.token(STACK, "carnet-poids",
                    fr.espacesante.local.support.ServiceTokens.ALL_SCOPES);
            default -> throw new IllegalStateException(authorizer);
        };
    }

    private static String citizen(String subject) {
        return Http.token(API, "patient", "sujet=" + subject);
    }

    private static String activation(String nir, String birthName) {
        return "{\"ins\":\"" + nir + "\",\"dateNaissance\":\"" + Registry.BIRTH_DATE + "\",\"nomNaissance\":\"" + birthName + "\"}";
    }

    private static List<Map<String, AttributeValue>> history(String spaceKey) {
        return STACK.dynamoDb().queryPaginator(QueryRequest.builder().tableName(STACK.physicalName("AccessHistoryTable"))
                .keyConditionExpression("spaceKey = :s").expressionAttributeValues(Map.of(":s", AttributeValue.fromS(spaceKey)))
                .build()).items().stream().toList();
    }
}
