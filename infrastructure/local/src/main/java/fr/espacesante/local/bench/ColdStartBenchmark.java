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
        if (args.length > 0 && args[0].equals("all")) {
            every(args.length > 1 ? Integer.parseInt(args[1]) : 3, false);
            return;
        }
        if (args.length > 0 && args[0].equals("cds")) {
            every(args.length > 1 ? Integer.parseInt(args[1]) : 3, true);
            return;
        }
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
     * {@code ./espace bench coldstart all [runs]}: every function of the template, each on the first
     * event of its {@code events/<module>/} (its issuers and buckets made local), in a fresh JVM
     * through FunctionInvoker — JVM start → first answer — runs interleaved with the plain-handler
     * baseline, so that all see the same machine; medians and each one's ratio to the baseline.
     */
    private static void every(int runs, boolean withArchives) throws Exception {
        Path root = Path.of(System.getProperty("espace.root", ".")).toAbsolutePath().normalize();
        try (LocalStack stack = LocalStack.start(LocalStack.Settings.forTests(root))) {
            String bucket = stack.physicalName("ImportBucket");
            Path file = BenchSupport.registryFile(10, 7);
            stack.s3().putObject(b -> b.bucket(bucket).key("bench/cold.data"), RequestBody.fromFile(file));
            Path baselineEvent = BenchSupport.s3Event(bucket, "bench/cold.data");
            BenchSupport.run(BenchSupport.probe(stack, root, "PopulationImportFunction", "spring", baselineEvent, "512m"));
            Map<String, Path> events = new java.util.LinkedHashMap<>();
            for (var function : stack.template().functions()) {
                String module = function.codeUri().replaceAll("^functions/([^/]+)/.*$", "$1");
                try (var listed = Files.list(root.resolve("events").resolve(module))) {
                    Path first = listed.filter(f -> f.toString().endsWith(".json")).sorted().findFirst().orElseThrow();
                    Path local = Files.createTempFile("evenement-", ".json");
                    Files.writeString(local, Files.readString(first)
                            .replace("https://citoyen.espace-sante.example/citizen", stack.parameter("CitizenIssuerUrl"))
                            .replace("https://pro.espace-sante.example/professional", stack.parameter("ProfessionalIssuerUrl"))
                            .replace("https://admin.espace-sante.example/admin", stack.parameter("AdminIssuerUrl"))
                            .replace("espace-sante-imports-000000000000", bucket)
                            .replace("espace-sante-documents-000000000000", stack.physicalName("DocumentsBucket")));
                    events.put(function.logicalId(), local);
                }
            }
            Map<String, List<Long>> wall = new java.util.LinkedHashMap<>();
            wall.put("plain RequestHandler", new ArrayList<>());
            events.keySet().forEach(id -> wall.put(id, new ArrayList<>()));
            // Application class-data sharing: one training run per function writes the archive of the
            // classes it loaded; the measured runs then map it, interleaved with runs without.
            Map<String, List<String>> archives = new java.util.LinkedHashMap<>();
            if (withArchives) {
                for (var entry : events.entrySet()) {
                    Path archive = Files.createTempFile("cds-" + entry.getKey(), ".jsa");
                    Files.delete(archive);
                    Map<String, String> training = BenchSupport.run(BenchSupport.probe(stack, root, entry.getKey(), "spring",
                            entry.getValue(), "512m", List.of("-XX:ArchiveClassesAtExit=" + archive)));
                    if (!Files.exists(archive)) {
                        throw new IllegalStateException("no archive written for " + entry.getKey() + ": " + training);
                    }
                    System.out.printf("%s: archive of %,d KiB%n", entry.getKey(), Files.size(archive) / 1024);
                    archives.put(entry.getKey(), List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"));
                    wall.put(entry.getKey() + " + CDS", new ArrayList<>());
                }
            }
            for (int i = 0; i < runs; i++) {
                wall.get("plain RequestHandler").add(Long.parseLong(BenchSupport.run(BenchSupport.probe(stack, root,
                        "PopulationImportFunction", "plain", baselineEvent, "512m")).get("wall_ms")));
                for (var entry : events.entrySet()) {
                    Map<String, String> run = BenchSupport.run(BenchSupport.probe(stack, root, entry.getKey(), "spring", entry.getValue(),
                            "512m"));
                    if (run.get("status") != null && Integer.parseInt(run.get("status")) >= 500) {
                        throw new IllegalStateException(entry.getKey() + " answered " + run.get("status"));
                    }
                    wall.get(entry.getKey()).add(Long.parseLong(run.get("wall_ms")));
                    if (withArchives) {
                        Map<String, String> shared = BenchSupport.run(BenchSupport.probe(stack, root, entry.getKey(), "spring",
                                entry.getValue(), "512m", archives.get(entry.getKey())));
                        wall.get(entry.getKey() + " + CDS").add(Long.parseLong(shared.get("wall_ms")));
                    }
                }
                System.out.printf("run %d of %d done%n", i + 1, runs);
            }
            long baseline = median(wall.get("plain RequestHandler"));
            System.out.printf("%n=== Cold start of every function, JVM start → first answer to its events/ event (%d interleaved runs) ===%n",
                    runs);
            System.out.printf("%-32s median %,6d ms%n", "plain RequestHandler (baseline)", baseline);
            for (var entry : wall.entrySet()) {
                if (!entry.getKey().startsWith("plain") && !entry.getKey().endsWith(" + CDS")) {
                    long m = median(entry.getValue());
                    String cds = "";
                    if (withArchives) {
                        long shared = median(wall.get(entry.getKey() + " + CDS"));
                        cds = String.format("  | with its CDS archive %,6d ms (ratio %.2f, saves %,d ms)", shared, (double) shared / baseline,
                                m - shared);
                    }
                    System.out.printf("%-32s median %,6d ms  ratio %.2f%s%s%n", entry.getKey(), m, (double) m / baseline,
                            (double) m / baseline > 2 ? "  (over the goal of 2)" : "", cds);
                }
            }
            Files.delete(file);
            for (Path p : events.values()) {
                Files.delete(p);
            }
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
