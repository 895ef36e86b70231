package fr.espacesante.local.bench;

import fr.espacesante.domain.nir.Nir;
import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.local.DemoData;
import fr.espacesante.local.LocalStack;
import fr.espacesante.local.OidcIssuers;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Warm latency of a connected service's FHIR search through the local gateway (JWT check,
 * FunctionInvoker, grant and policy, history append, HAPI serialisation) — 30 weights as a
 * searchset Bundle — against a raw DynamoDB query of the same 30 items, in the same run.
 * Usage: {@code ./espace bench fhir [calls]} (default 1000).
 */
public final class FhirBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private FhirBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        Path root = Path.of(System.getProperty("espace.root", ".")).toAbsolutePath().normalize();
        try (LocalStack stack = LocalStack.start(LocalStack.Settings.forTests(root))) {
            String api = stack.gatewayUrl();
            DemoData.loadCatalogue(stack, root);
            String nir = "285013110000161";
            String patient = BenchSupport.activatedPatient(stack, nir, "Bench", null, "bench-" + UUID.randomUUID());
            String pseudonym = BenchSupport.json("POST", api + "/espace/services/carnet-poids", patient,
                    "{\"finalites\":[\"prevention\"]}").get("patient").asString();
            String token = serviceToken(stack);
            OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusDays(31).withNano(0);
            for (int day = 0; day < 30; day++) {
                send("POST", api + "/fhir/Observation", token, """
                        {"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},
                         "subject":{"reference":"Patient/%s"},"effectiveDateTime":"%s",
                         "valueQuantity":{"value":%s,"unit":"kg","system":"http://unitsofmeasure.org","code":"kg"}}
                        """.formatted(pseudonym, start.plusDays(day), 70 + day / 10.0), 201);
            }
            String spaceKey = new NirProtection(stack.parameter("NirHashKey"), stack.parameter("NirSealKey")).lookupKey(Nir.parse(nir));
            String table = stack.physicalName("ProfileTable");
            String search = api + "/fhir/Observation?patient=" + pseudonym + "&code=" + URLEncoder.encode("http://loinc.org|29463-7",
                    StandardCharsets.UTF_8);
            Runnable fhirSearch = () -> send("GET", search, token, null, 200);
            Runnable rawQuery = () -> stack.dynamoDb().query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("spaceKey = :k AND begins_with(itemKey, :p)")
                    .expressionAttributeValues(Map.of(":k", AttributeValue.fromS(spaceKey), ":p", AttributeValue.fromS("V#poids#"))));
            BenchSupport.interleaved("FHIR API", calls, List.of(new BenchSupport.Work("FHIR search, 30 weights", fhirSearch),
                    new BenchSupport.Work("raw DynamoDB query", rawQuery)));
        }
    }

    private static String serviceToken(LocalStack stack) throws Exception {
        String form = "grant_type=client_credentials&client_id=carnet-poids&client_secret=secret&scope="
                + URLEncoder.encode("patient/Observation.rs patient/Observation.cu", StandardCharsets.UTF_8);
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(stack.issuers().issuerUrl(OidcIssuers.SERVICES) + "/token"))
                .header("content-type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body).get("access_token").asString();
    }

    private static void send(String method, String url, String token, String body, int expected) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("authorization", "Bearer " + token)
                    .header("content-type", "application/fhir+json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != expected) {
                throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
