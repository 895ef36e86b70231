package fr.espacesante.local.bench;

import fr.espacesante.domain.nir.Nir;
import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.local.LocalStack;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import throughput against DynamoDB Local's raw BatchWriteItem rate, same data, same run.
 *
 * <p>The import runs as on Lambda: the shaded jar in a fresh JVM with a 512 MiB heap, through
 * FunctionInvoker, reading the file from S3Proxy. The raw rate writes the same items (same
 * attributes and sizes) with BatchWriteItem on as many threads as the import has workers.
 * Usage: {@code ./espace bench import [rows...]} (default 100000 1000000).
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length == 0 ? List.of(100_000, 1_000_000)
                : java.util.Arrays.stream(args).map(Integer::parseInt).toList();
        Path root = Path.of(System.getProperty("espace.root", ".")).toAbsolutePath().normalize();
        // DynamoDB Local in memory, as in the stack notes' reference figures; both sides share it.
        try (LocalStack stack = LocalStack.start(LocalStack.Settings.forTests(root))) {
            String bucket = stack.physicalName("ImportBucket");
            int workers = Integer.parseInt(stack.template().functions().stream()
                    .filter(f -> f.logicalId().equals("PopulationImportFunction")).findFirst().orElseThrow()
                    .environment().get("IMPORT_WORKERS"));
            List<String> results = new ArrayList<>();
            // DynamoDB Local is JIT-compiled while it serves: warm it first, or whichever side runs first loses.
            Path warmup = BenchSupport.registryFile(30_000, 99);
            rawBatchWrite(stack, warmup, "Warmup", workers);
            Files.delete(warmup);
            int seed = 0;
            for (int rows : sizes) {
                Path file = BenchSupport.registryFile(rows, seed++);
                String key = "bench/registre-" + rows + ".data";
                stack.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));

                Map<String, String> probe = BenchSupport.run(BenchSupport.probe(stack, root, "PopulationImportFunction",
                        "spring", BenchSupport.s3Event(bucket, key), "512m"));
                long importMillis = Long.parseLong(probe.get("handler_ms"));
                var report = JsonMapper.builder().build().readTree(
                        stack.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key + ".rapport.json")).asByteArray());
                long created = report.get("personnesCreees").asLong();
                if (created != rows) {
                    throw new IllegalStateException("import created " + created + " of " + rows);
                }
                double importRate = rows * 1000.0 / importMillis;

                long rawMillis = rawBatchWrite(stack, file, "BenchRaw" + rows, workers);
                double rawRate = rows * 1000.0 / rawMillis;

                String line = String.format("%,10d rows | import %,8.0f rows/s (%,d ms, peak heap %s MiB of %s) | "
                                + "raw BatchWriteItem %,8.0f items/s (%,d ms, %d threads) | ratio %.2f",
                        rows, importRate, importMillis, probe.get("peak_heap_mib"), probe.get("max_heap_mib"),
                        rawRate, rawMillis, workers, importRate / rawRate);
                System.out.println(line);
                results.add(line);
                Files.delete(file);
            }
            System.out.println("\n=== Population import vs DynamoDB Local raw BatchWriteItem (goal: ratio >= 0.8) ===");
            results.forEach(System.out::println);
        }
    }

    /** Writes the file's persons, built exactly as the import stores them, with BatchWriteItem (25 per call). */
    private static long rawBatchWrite(LocalStack stack, Path file, String table, int threads) throws Exception {
        stack.dynamoDb().createTable(b -> b.tableName(table)
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("personKey").attributeType("S"))
                .keySchema(k -> k.attributeName("personKey").keyType("HASH")));
        NirProtection protection = new NirProtection(stack.parameter("NirHashKey"), stack.parameter("NirSealKey"));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long writing = 0;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines.readLine();
            String now = java.time.Instant.now().toString();
            while (true) {
                // Items are built outside the timed part, 100,000 at a time to bound memory.
                List<List<WriteRequest>> batches = new ArrayList<>();
                List<WriteRequest> batch = new ArrayList<>();
                String line;
                int count = 0;
                while (count < 100_000 && (line = lines.readLine()) != null) {
                    batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(line, protection, now)).build()).build());
                    count++;
                    if (batch.size() == 25) {
                        batches.add(batch);
                        batch = new ArrayList<>();
                    }
                }
                if (!batch.isEmpty()) {
                    batches.add(batch);
                }
                if (batches.isEmpty()) {
                    break;
                }
                long start = System.nanoTime();
                List<Future<?>> futures = new ArrayList<>();
                for (List<WriteRequest> requests : batches) {
                    futures.add(pool.submit(() -> write(stack, table, requests)));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
                writing += System.nanoTime() - start;
            }
        } finally {
            pool.shutdownNow();
        }
        return writing / 1_000_000;
    }

    private static void write(LocalStack stack, String table, List<WriteRequest> requests) {
        Map<String, List<WriteRequest>> pending = Map.of(table, requests);
        while (!pending.isEmpty()) {
            final Map<String, List<WriteRequest>> items = pending;
            BatchWriteItemResponse response = stack.dynamoDb().batchWriteItem(b -> b.requestItems(items));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }

    private static Map<String, AttributeValue> item(String line, NirProtection protection, String now) {
        String[] f = line.split(";", -1);
        Nir nir = Nir.parse(f[0]);
        String key = protection.lookupKey(nir);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("personKey", AttributeValue.fromS(key));
        item.put("status", AttributeValue.fromS("IMPORTED"));
        item.put("sealedNir", AttributeValue.fromS(protection.seal(nir, key)));
        item.put("lastName", AttributeValue.fromS(f[1]));
        item.put("firstNames", AttributeValue.fromS(f[2]));
        item.put("birthDate", AttributeValue.fromS(f[3]));
        item.put("department", AttributeValue.fromS(f[4]));
        item.put("street", AttributeValue.fromS(f[5]));
        item.put("postcode", AttributeValue.fromS(f[6]));
        item.put("town", AttributeValue.fromS(f[7]));
        if (!f[8].isEmpty()) {
            item.put("email", AttributeValue.fromS(f[8]));
        }
        item.put("importedAt", AttributeValue.fromS(now));
        return item;
    }
}
