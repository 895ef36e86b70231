package fr.espacesante.local.bench;

import fr.espacesante.local.LocalStack;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** What the benchmark programs share: synthetic registry files, and functions run in a child JVM. */
final class BenchSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final String HEADER = "nir;nom;prenoms;date_naissance;departement;adresse;code_postal;commune;email";

    private BenchSupport() {
    }

    /** {@code rows} valid, distinct persons; {@code seed} shifts the NIR space so runs do not overlap. */
    static Path registryFile(int rows, int seed) throws IOException {
        Path file = Files.createTempFile("registre-", ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (int i = 0; i < rows; i++) {
                long n = (long) seed * 2_000_000L + i;
                int order = (int) (n % 999) + 1;
                int commune = (int) ((n / 999) % 990) + 1;
                int month = (int) ((n / (999 * 990)) % 12) + 1;
                int year = 40 + (int) ((n / (999L * 990 * 12)) % 60);
                String first13 = String.format("1%02d%02d75%03d%03d", year, month, commune, order);
                long key = 97 - Long.parseLong(first13) % 97;
                out.write(first13 + String.format("%02d", key) + ";Martin;Jean;19" + year + "-"
                        + String.format("%02d", month) + "-15;31;" + (i % 200 + 1)
                        + " rue des Lilas;31000;Toulouse;" + (i % 4 == 0 ? "" : "jean.martin" + i + "@example.fr") + "\n");
            }
        }
        return file;
    }

    /** A fresh ETag each time: the import skips an object version it has already imported. */
    static Path s3Event(String bucket, String key) throws IOException {
        Path event = Files.createTempFile("event-", ".json");
        Files.writeString(event, """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"eu-west-3",
                "eventTime":"2026-11-22T06:00:00.000Z","eventName":"ObjectCreated:Put",
                "s3":{"s3SchemaVersion":"1.0","bucket":{"name":"%s","arn":"arn:aws:s3:::%s"},
                "object":{"key":"%s","size":0,"eTag":"%s","sequencer":"01"}}}]}
                """.formatted(bucket, bucket, key, java.util.UUID.randomUUID()));
        return event;
    }

    /** A fresh JVM running {@link FunctionProbe} on the function's shaded jar, with its template environment. */
    static ProcessBuilder probe(LocalStack stack, Path root, String functionId, String mode, Path event, String heap) {
        return probe(stack, root, functionId, mode, event, heap, List.of());
    }

    /** @param jvmOptions more options for the fresh JVM (a class-data sharing archive) */
    static ProcessBuilder probe(LocalStack stack, Path root, String functionId, String mode, Path event, String heap,
                                List<String> jvmOptions) {
        var function = stack.template().functions().stream().filter(f -> f.logicalId().equals(functionId)).findFirst()
                .orElseThrow();
        String classpath = root.resolve(function.codeUri()) + java.io.File.pathSeparator + probeClasses();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, FunctionProbe.class.getName(), mode, event.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.putAll(function.environment());
        env.putAll(stack.sdkEnvironment());
        return builder;
    }

    private static Path probeClasses;

    /**
     * Only the probe and the baseline handler beside the function's jar: nothing else of the local
     * stack. One directory for the whole run: a class-data sharing archive is valid for its classpath only.
     */
    private static synchronized Path probeClasses() {
        if (probeClasses == null) {
            probeClasses = writeProbeClasses();
        }
        return probeClasses;
    }

    /** In a jar, not a directory: the JVM shares no class data with a classpath holding a non-empty directory. */
    private static Path writeProbeClasses() {
        try {
            Path jar = Files.createTempFile("probe-", ".jar");
            try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
                for (Class<?> type : List.of(FunctionProbe.class, PlainPopulationImportHandler.class)) {
                    String resource = type.getName().replace('.', '/') + ".class";
                    out.putNextEntry(new java.util.jar.JarEntry(resource));
                    try (var in = type.getClassLoader().getResourceAsStream(resource)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Starts the probe; returns its PROBE line's fields and the wall time from process start to that line. */
    static Map<String, String> run(ProcessBuilder builder) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = builder.start();
        Map<String, String> fields = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("PROBE ")) {
                    fields.put("wall_ms", String.valueOf((System.nanoTime() - start) / 1_000_000));
                    for (String pair : line.substring(6).split(" ")) {
                        int eq = pair.indexOf('=');
                        if (eq > 0) {
                            fields.put(pair.substring(0, eq), pair.substring(eq + 1));
                        }
                    }
                } else if (line.contains("Exception") || line.contains("ERROR")) {
                    System.err.println("  probe: " + line);
                }
            }
        }
        process.waitFor();
        if (!fields.containsKey("wall_ms")) {
            throw new IllegalStateException("probe failed with exit code " + process.exitValue());
        }
        return fields;
    }

    /** A real token from the local issuer of this persona ({@code patient}, {@code professional}, {@code operator}). */
    static String token(String api, String persona, String query) throws IOException, InterruptedException {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/_local/tokens/" + persona + "?" + query))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();
        return JSON.readTree(body).get("access_token").asString();
    }

    /** One API call that must succeed (2xx), its JSON answer. */
    static tools.jackson.databind.JsonNode json(String method, String url, String token, String body) {
        return JSON.readTree(call(method, url, token, body));
    }

    /** One API call that must succeed (2xx); its body. */
    static String call(String method, String url, String token, String body) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .method(method, HttpRequest.BodyPublishers.ofString(body))
                    .header("Authorization", "Bearer " + token).header("content-type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * One person of the registry (born 1985-01-14 in Toulouse), imported through the real import, whose space
     * is activated by the login {@code subject}. @return that login's token
     */
    static String activatedPatient(fr.espacesante.local.LocalStack stack, String nir, String birthName, String email,
                                   String subject) throws IOException, InterruptedException {
        String line = HEADER + "\n" + nir + ";" + birthName + ";Anne;1985-01-14;31;1 rue;31000;Toulouse;"
                + (email == null ? "" : email) + "\n";
        stack.s3().putObject(b -> b.bucket(stack.physicalName("ImportBucket")).key("bench/" + subject + ".csv"),
                software.amazon.awssdk.core.sync.RequestBody.fromString(line));
        stack.awaitS3Events();
        String api = stack.gatewayUrl();
        String token = token(api, "patient", "sujet=" + subject);
        call("POST", api + "/espace/activation", token,
                "{\"ins\":\"" + nir + "\",\"dateNaissance\":\"1985-01-14\",\"nomNaissance\":\"" + birthName + "\"}");
        return token;
    }

    /** A measured call: its name as printed. */
    record Work(String name, Runnable call) {
    }

    /**
     * Warms every call up (200 times), then runs them interleaved {@code calls} times — so that all see
     * the same machine — and prints p50 and p99 of each, with its ratio to the last one (the raw reference).
     */
    static void interleaved(String title, int calls, List<Work> works) {
        for (Work work : works) {
            for (int i = 0; i < 200; i++) {
                work.call().run();
            }
        }
        long[][] samples = new long[works.size()][calls];
        for (int i = 0; i < calls; i++) {
            for (int k = 0; k < works.size(); k++) {
                long start = System.nanoTime();
                works.get(k).call().run();
                samples[k][i] = System.nanoTime() - start;
            }
        }
        System.out.println("\n=== " + title + ", warm, " + calls + " calls each, interleaved ===");
        double rawP50 = percentile(samples[works.size() - 1], 50);
        double rawP99 = percentile(samples[works.size() - 1], 99);
        for (int k = 0; k < works.size(); k++) {
            double p50 = percentile(samples[k], 50);
            double p99 = percentile(samples[k], 99);
            System.out.printf("%-22s p50 %6.2f ms  p99 %6.2f ms  | ratio to raw: p50 %.1f, p99 %.1f%n",
                    works.get(k).name(), p50, p99, p50 / rawP50, p99 / rawP99);
        }
    }

    static double percentile(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
