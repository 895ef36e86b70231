package fr.espacesante.local.bench;

import fr.espacesante.domain.nir.Nir;
import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.local.LocalStack;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Warm latency through the local gateway (JWT check, FunctionInvoker, policy, history append) of
 * reading a filled medical profile (every section with entries, the last value of 8 measurement
 * types over 60 values each), against a raw DynamoDB query of the same items, in the same run:
 * p50 and p99, and the ratios. Usage: {@code ./espace bench profile [calls]} (default 1000).
 */
public final class ProfileBenchmark {

    private ProfileBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        Path root = Path.of(System.getProperty("espace.root", ".")).toAbsolutePath().normalize();
        try (LocalStack stack = LocalStack.start(LocalStack.Settings.forTests(root))) {
            String api = stack.gatewayUrl();
            String nir = "285013110000161";
            String patient = BenchSupport.activatedPatient(stack, nir, "Bench", null, "bench-" + UUID.randomUUID());
            fill(api, patient);
            String spaceKey = new NirProtection(stack.parameter("NirHashKey"), stack.parameter("NirSealKey")).lookupKey(Nir.parse(nir));
            String table = stack.physicalName("ProfileTable");
            Runnable read = () -> BenchSupport.call("GET", api + "/espace/profil", patient, "");
            Runnable series = () -> BenchSupport.call("GET", api + "/espace/profil/mesures/poids", patient, "");
            Runnable rawQuery = () -> stack.dynamoDb().query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("spaceKey = :k AND itemKey < :v")
                    .expressionAttributeValues(Map.of(":k", AttributeValue.fromS(spaceKey), ":v", AttributeValue.fromS("V"))));
            BenchSupport.interleaved("Medical profile API", calls, List.of(new BenchSupport.Work("read the profile", read),
                    new BenchSupport.Work("read a 60-value series", series), new BenchSupport.Work("raw DynamoDB query", rawQuery)));
        }
    }

    /** Three entries in each list section, every single section set, 60 values of 8 measurement types. */
    private static void fill(String api, String patient) {
        String[][] entries = {
                {"maladies", "{\"nom\":\"Asthme\",\"depuis\":\"1999-05-01\",\"precisions\":\"Crises à l'effort\"}"},
                {"traitements", "{\"medicament\":\"Ventoline\",\"posologie\":\"2 bouffées si besoin\",\"debut\":\"2020-01-01\"}"},
                {"hospitalisations", "{\"etablissement\":\"CHU de Toulouse\",\"entree\":\"2019-03-01\",\"sortie\":\"2019-03-04\",\"motif\":\"Crise\"}"},
                {"handicaps", "{\"type\":\"AUDITIF\",\"taux\":\"DE_50_A_79\",\"aide\":\"TECHNIQUE\"}"},
                {"allergies", "{\"substance\":\"Pénicilline\",\"reaction\":\"Urticaire\",\"gravite\":\"SEVERE\"}"},
                {"antecedents-familiaux", "{\"parent\":\"MERE\",\"maladie\":\"Diabète de type 2\"}"},
                {"vaccinations", "{\"vaccin\":\"DTCAP_RAPPEL\",\"date\":\"2010-01-14\",\"lot\":\"AB123\",\"par\":\"Dr Martin\"}"},
                {"entourage", "{\"type\":\"CONTACT_URGENCE\",\"nom\":\"Jean Bench\",\"telephone\":\"0612345678\",\"lien\":\"Frère\"}"}};
        for (String[] entry : entries) {
            for (int i = 0; i < 3; i++) {
                BenchSupport.call("POST", api + "/espace/profil/rubriques/" + entry[0], patient, entry[1]);
            }
        }
        BenchSupport.call("PUT", api + "/espace/profil/rubriques/groupe-sanguin", patient, "{\"groupe\":\"O+\"}");
        BenchSupport.call("PUT", api + "/espace/profil/rubriques/habitudes-de-vie", patient, "{\"tabac\":\"NON_FUMEUR\",\"sommeil\":\"7 h\"}");
        BenchSupport.call("PUT", api + "/espace/profil/rubriques/don-d-organes", patient, "{\"position\":\"FAVORABLE\"}");
        LocalDateTime start = LocalDateTime.now().minusDays(61).withSecond(0).withNano(0);
        String[][] types = {{"poids", "72.5"}, {"taille", "175"}, {"frequence-cardiaque", "64"}, {"temperature", "36.8"},
                {"glycemie", "0.95"}, {"saturation-oxygene", "98"}, {"pas", "8000"}, {"douleur", "2"}};
        for (int day = 0; day < 60; day++) {
            String at = start.plusDays(day).toString();
            for (String[] type : types) {
                BenchSupport.call("POST", api + "/espace/profil/mesures", patient, "{\"type\":\"" + type[0] + "\",\"valeur\":" + type[1]
                        + ",\"prisLe\":\"" + at + "\"}");
            }
            BenchSupport.call("POST", api + "/espace/profil/mesures", patient, "{\"type\":\"tension\",\"valeur\":125,\"valeur2\":80,"
                    + "\"prisLe\":\"" + at + "\"}");
        }
    }
}
