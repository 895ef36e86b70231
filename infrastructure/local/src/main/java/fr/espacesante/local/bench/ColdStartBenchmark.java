package fr.espacesante.local.bench;

import fr.espacesante.local.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Cold start of the import function: JVM start → first response, through its real Lambda entry
 * point (Spring Cloud Function FunctionInvoker) against a plain RequestHandler doing the same
 * import, each in a fresh JVM with the template's JAVA_TOOL_OPTIONS, interleaved, several runs;
 * then the cold start of the documents, messaging, patient-space, profile and agenda functions on a patient's first request.
 * Usage: {@code ./espace bench coldstart [runs]} (default 7).
 */
public final class ColdStartBenchmark {

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path root = Path.of(System.getProperty("espace.root", ".")).toAbsolutePath().normalize();
        try (LocalStack stack = LocalStack.start(LocalStack.Settings.forTests(root))) {
            String bucket = stack.physicalName("ImportBucket");
            Path file = BenchSupport.registryFile(10, 7);
            stack.s3().putObject(b -> b.bucket(bucket).key("bench/cold.data"), RequestBody.fromFile(file));
            Path event = BenchSupport.s3Event(bucket, "bench/cold.data");
            // One run first, so that every measured run does the same work (10 unchanged persons).
            BenchSupport.run(BenchSupport.probe(stack, root, "PopulationImportFunction", "spring", event, "512m"));

            List<Long> spring = new ArrayList<>();
            List<Long> plain = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Map<String, String> p = BenchSupport.run(BenchSupport.probe(stack, root, "PopulationImportFunction", "plain", event, "512m"));
                Map<String, String> s = BenchSupport.run(BenchSupport.probe(stack, root, "PopulationImportFunction", "spring", event, "512m"));
                plain.add(Long.parseLong(p.get("wall_ms")));
                spring.add(Long.parseLong(s.get("wall_ms")));
                System.out.printf("run %d: plain RequestHandler %,d ms | Spring Cloud Function %,d ms (output %s)%n",
                        i + 1, plain.getLast(), spring.getLast(), s.get("output"));
            }
            long plainMedian = median(plain);
            long springMedian = median(spring);
            System.out.printf("%n=== Cold start, JVM start → first response (%d runs each, JAVA_TOOL_OPTIONS=%s) ===%n"
                            + "plain RequestHandler median %,d ms | Spring Cloud Function (functional) median %,d ms | "
                            + "ratio %.2f (goal <= 2)%n",
                    runs, stack.template().functions().getFirst().environment().get("JAVA_TOOL_OPTIONS"),
                    plainMedian, springMedian, (double) springMedian / plainMedian);
            Files.delete(file);
            documents(stack, root, runs);
            fhir(stack, root, runs, plainMedian);
        }
    }

    /**
     * The FHIR function's cold start on a connected service's first search (HAPI's R4 context built,
     * the grant and the policy checked, the series read), beside the plain-handler baseline above.
     */
    private static void fhir(LocalStack stack, Path root, int runs, long plainMedian) throws Exception {
        fr.espacesante.local.DemoData.loadCatalogue(stack, root);
        String subject = "bench-fhir-" + java.util.UUID.randomUUID();
        String patient = BenchSupport.activatedPatient(stack, "285013110000260", "Fhir", null, subject);
        String pseudonym = BenchSupport.json("POST", stack.gatewayUrl() + "/espace/services/carnet-poids", patient,
                "{\"finalites\":[\"prevention\"]}").get("patient").asString();
        String event = """
                {"version":"2.0","routeKey":"GET /fhir/Observation","rawPath":"/fhir/Observation",
                 "rawQueryString":"patient=%1$s&code=29463-7","queryStringParameters":{"patient":"%1$s","code":"29463-7"},
                 "headers":{"accept":"application/fhir+json","host":"api.espace-sante.example"},
                 "requestContext":{"accountId":"000000000000","apiId":"local","domainName":"api.espace-sante.example",
                  "authorizer":{"jwt":{"claims":{"iss":"%2$s","sub":"carnet-poids","aud":"espace-sante-services"},
                   "scopes":["patient/Observation.rs"]}},
                  "http":{"method":"GET","path":"/fhir/Observation","protocol":"HTTP/1.1","sourceIp":"192.0.2.10","userAgent":"bench"},
                  "requestId":"bench","routeKey":"GET /fhir/Observation","stage":"$default","time":"22/Nov/2026:06:00:00 +0000",
                  "timeEpoch":1795327200000},
                 "isBase64Encoded":false}
                """.formatted(pseudonym, stack.parameter("ServicesIssuerUrl"));
        Path file = Files.createTempFile("fhir-premier-appel", ".json");
        Files.writeString(file, event);
        List<Long> wall = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Map<String, String> run = BenchSupport.run(BenchSupport.probe(stack, root, "FhirFunction", "spring", file, "512m"));
            if (!"200".equals(run.get("status"))) {
                throw new IllegalStateException("the FHIR search did not answer 200: " + run.get("output"));
            }
            wall.add(Long.parseLong(run.get("wall_ms")));
            System.out.printf("run %d: fhir, a service's first search %,d ms (handler %s ms)%n", i + 1, wall.getLast(), run.get("handler_ms"));
        }
        System.out.printf("%n=== Cold start of fhir, a connected service's first Observation search (%d runs) === median %,d ms, "
                + "%.2f x the plain RequestHandler (goal <= 2)%n", runs, median(wall), (double) median(wall) / plainMedian);
        Files.delete(file);
    }

    /**
     * The documents function's cold start on the request it exists for: a patient's listing (login
     * link, space, page of documents, version-checked history entry), from its real API event.
     */
    private static void documents(LocalStack stack, Path root, int runs) throws Exception {
        String nir = "285013110000161";
        String subject = "bench-froid-" + java.util.UUID.randomUUID();
        BenchSupport.activatedPatient(stack, nir, "Froid", null, subject);
        for (String[] function : new String[][] {
                {"DocumentsFunction", "events/documents/list-documents.json", "documents, patient listing"},
                {"MessagingFunction", "events/messaging/list-conversations.json", "messaging, patient's conversations"},
                {"PatientSpaceFunction", "events/patient-space/get-space.json", "patient-space, the space"},
                {"ProfileFunction", "events/profile/read-profile.json", "profile, the patient's profile"},
                {"AgendaFunction", "events/agenda/list-agenda.json", "agenda, the patient's agenda"}}) {
            coldStart(stack, root, runs, subject, function[0], function[1], function[2]);
        }
    }

    /** One function's cold start on a patient's first request: JVM start → answered 200, median of runs. */
    private static void coldStart(LocalStack stack, Path root, int runs, String subject, String functionId, String eventFile,
                                  String label) throws Exception {
        Path event = Files.createTempFile("premier-appel", ".json");
        Files.writeString(event, Files.readString(root.resolve(eventFile))
                .replace("https://citoyen.espace-sante.example/citizen", stack.parameter("CitizenIssuerUrl"))
                .replaceAll("citoyen-wiring-[0-9]+", subject));
        List<Long> wall = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Map<String, String> run = BenchSupport.run(BenchSupport.probe(stack, root, functionId, "spring", event, "512m"));
            if (!"200".equals(run.get("status"))) {
                throw new IllegalStateException(label + " did not answer 200: " + run.get("output"));
            }
            wall.add(Long.parseLong(run.get("wall_ms")));
            System.out.printf("run %d: %s %,d ms (handler %s ms)%n", i + 1, label, wall.getLast(), run.get("handler_ms"));
        }
        System.out.printf("%n=== Cold start of %s, JVM start → first request answered 200 (%d runs) === median %,d ms%n",
                label, runs, median(wall));
        Files.delete(event);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
