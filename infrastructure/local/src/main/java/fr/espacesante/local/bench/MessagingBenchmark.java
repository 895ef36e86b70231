package fr.espacesante.local.bench;

import fr.espacesante.domain.nir.Nir;
import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.local.LocalStack;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Warm latency through the local gateway (JWT check, FunctionInvoker, policy, history append) of
 * "list my conversations" (20 of 60) and "send a message", against a raw DynamoDB query of the same
 * 20 conversations, in the same run: p50 and p99, and the ratios (goal: p99 ≤ 3× raw).
 * Usage: {@code ./espace bench messaging [calls]} (default 1000).
 */
public final class MessagingBenchmark {

    private MessagingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        Path root = Path.of(System.getProperty("espace.root", ".")).toAbsolutePath().normalize();
        try (LocalStack stack = LocalStack.start(LocalStack.Settings.forTests(root))) {
            String api = stack.gatewayUrl();
            String nir = "285013110000161";
            String patient = BenchSupport.activatedPatient(stack, nir, "Bench", null, "bench-" + UUID.randomUUID());
            String pro = BenchSupport.token(api, "professional", "rpps=10500000001&profession=medecin");
            String conversation = null;
            for (int i = 0; i < 60; i++) {
                conversation = BenchSupport.json("POST", api + "/pro/messages", pro, "{\"ins\":\"" + nir
                        + "\",\"sujet\":\"Suivi " + i + "\",\"texte\":\"Bonjour, voici le compte rendu de la consultation.\"}")
                        .get("conversation").get("id").asString();
            }
            String spaceKey = new NirProtection(stack.parameter("NirHashKey"), stack.parameter("NirSealKey")).lookupKey(Nir.parse(nir));
            String table = stack.physicalName("MessagesTable");
            String reply = api + "/espace/messages/" + conversation;
            Runnable list = () -> BenchSupport.call("GET", api + "/espace/messages?limite=20", patient, "");
            Runnable send = () -> BenchSupport.call("POST", reply, patient, "{\"texte\":\"Merci, bien reçu.\"}");
            Runnable rawQuery = () -> stack.dynamoDb().query(b -> b.tableName(table).indexName("ByPatient")
                    .keyConditionExpression("patientInbox = :s")
                    .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(spaceKey)))
                    .scanIndexForward(false).limit(20));
            BenchSupport.interleaved("Messaging API", calls, List.of(new BenchSupport.Work("list 20 conversations", list),
                    new BenchSupport.Work("send a message", send), new BenchSupport.Work("raw DynamoDB query", rawQuery)));
        }
    }

}
