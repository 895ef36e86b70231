package fr.espacesante.local.bench;

import fr.espacesante.domain.nir.Nir;
import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.local.LocalStack;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Warm latency through the local gateway (JWT check, FunctionInvoker, policy, history append) of
 * "ask for an upload URL" and "list documents" (20 of 200), against a raw DynamoDB query of the same
 * 20 items, in the same run: p50 and p99, and the ratios (goal: p99 ≤ 3× raw).
 * Usage: {@code ./espace bench documents [calls]} (default 1000).
 */
public final class DocumentsBenchmark {

    private DocumentsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        Path root = Path.of(System.getProperty("espace.root", ".")).toAbsolutePath().normalize();
        try (LocalStack stack = LocalStack.start(LocalStack.Settings.forTests(root))) {
            String api = stack.gatewayUrl();
            String nir = "285013110000161";
            BenchSupport.activatedPatient(stack, nir, "Bench", "anne@example.fr", "bench-" + UUID.randomUUID());
            String pro = BenchSupport.token(api, "professional", "rpps=10500000001&profession=medecin");
            BenchSupport.call("POST", api + "/pro/patients/consentement", pro, "{\"ins\":\"" + nir + "\"}");
            String spaceKey = new NirProtection(stack.parameter("NirHashKey"), stack.parameter("NirSealKey")).lookupKey(Nir.parse(nir));
            String table = stack.physicalName("DocumentsTable");
            for (int i = 0; i < 200; i++) {
                stack.dynamoDb().putItem(b -> b.tableName(table).item(document(spaceKey)));
            }
            String upload = "{\"ins\":\"" + nir + "\",\"categorie\":\"biologie\",\"dateSoins\":\"2026-11-20\",\"titre\":\"Bilan\","
                    + "\"typeContenu\":\"application/pdf\",\"taille\":1000}";
            String list = "{\"ins\":\"" + nir + "\",\"limite\":\"20\"}";
            Runnable askUpload = () -> BenchSupport.call("POST", api + "/pro/documents", pro, upload);
            Runnable listDocuments = () -> BenchSupport.call("POST", api + "/pro/documents/recherche", pro, list);
            Runnable rawQuery = () -> stack.dynamoDb().query(b -> b.tableName(table).indexName("ByCareDate")
                    .keyConditionExpression("listedSpace = :s")
                    .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(spaceKey)))
                    .scanIndexForward(false).limit(20));
            BenchSupport.interleaved("Documents API", calls, List.of(new BenchSupport.Work("upload URL (gateway)", askUpload),
                    new BenchSupport.Work("list 20 (gateway)", listDocuments), new BenchSupport.Work("raw DynamoDB query", rawQuery)));
        }
    }

    private static Map<String, AttributeValue> document(String spaceKey) {
        String id = UUID.randomUUID().toString();
        String day = "2026-" + String.format("%02d", 1 + (int) (Math.random() * 11)) + "-15";
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("spaceKey", AttributeValue.fromS(spaceKey));
        item.put("documentId", AttributeValue.fromS(id));
        item.put("listedSpace", AttributeValue.fromS(spaceKey));
        item.put("listedCategory", AttributeValue.fromS(spaceKey + "#biologie"));
        item.put("careKey", AttributeValue.fromS(day + "#" + id));
        item.put("careDate", AttributeValue.fromS(day));
        item.put("category", AttributeValue.fromS("biologie"));
        item.put("authorKind", AttributeValue.fromS("PROFESSIONAL"));
        item.put("authorRpps", AttributeValue.fromS("10500000002"));
        item.put("authorName", AttributeValue.fromS("Dr Labo"));
        item.put("authorProfession", AttributeValue.fromS("biologiste"));
        item.put("title", AttributeValue.fromS("Bilan sanguin"));
        item.put("contentType", AttributeValue.fromS("application/pdf"));
        item.put("size", AttributeValue.fromN("123456"));
        item.put("status", AttributeValue.fromS("AVAILABLE"));
        item.put("sha256", AttributeValue.fromS("0".repeat(64)));
        item.put("heldBack", AttributeValue.fromBool(false));
        item.put("hiddenByPatient", AttributeValue.fromBool(false));
        item.put("hiddenFromRepresentatives", AttributeValue.fromBool(false));
        item.put("depositedAt", AttributeValue.fromS("2026-11-20T10:00:00Z"));
        return item;
    }

}
