package fr.espacesante.local.bench;

import fr.espacesante.domain.nir.Nir;
import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.aws.AwsClients;
import fr.espacesante.aws.person.DynamoDbPersonRegistry;
import fr.espacesante.aws.population.DynamoDbImportHistory;
import fr.espacesante.aws.population.S3ImportReports;
import fr.espacesante.aws.population.S3RegistryFiles;
import fr.espacesante.aws.time.ServiceClock;
import fr.espacesante.domain.population.PopulationImport;
import fr.espacesante.domain.population.RegistryFile;
import fr.espacesante.domain.population.RegistryRowValidator;
import fr.espacesante.local.LocalStack;
import fr.espacesante.local.SqsEventSources;
import java.time.Clock;
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
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry import three ways over the same number of rows, in one run and one JVM (the local
 * stack's DynamoDB Local and S3Proxy serve all three):
 * <ul>
 *   <li>fan-out: the file dropped in the bucket → splitter → SQS (ElasticMQ) → workers, ranges of
 *       the template's 100,000 lines, until the merged report is written;</li>
 *   <li>single invocation: the same kind of file imported whole by one {@link PopulationImport}
 *       (today's path before the fan-out), same adapters, same 8 writers;</li>
 *   <li>raw: BatchGetItem then BatchWriteItem of the same items, on as many threads.</li>
 * </ul>
 * Then the capacity units DynamoDB reports (ReturnConsumedCapacity) per created, unchanged and
 * updated row, through the fan-out. Usage: {@code ./espace bench import [rows] [rows for the unchanged
 * and updated passes]} (default 1000000 100000).
 */
public final class ImportBenchmark {

    /** The template's ImportRangeRows default. */
    private static final int AWS_RANGE_ROWS = 100_000;

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int kindRows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path root = Path.of(System.getProperty("espace.root", ".")).toAbsolutePath().normalize();
        // The ranges AWS would cut (the template's default), not the local stack's small ones.
        try (LocalStack stack = LocalStack.start(LocalStack.Settings.forTests(root).withImportRangeRows(AWS_RANGE_ROWS))) {
            String bucket = stack.physicalName("ImportBucket");
            int workers = Integer.parseInt(stack.functionEnvironment("PopulationImportWorkerFunction").get("IMPORT_WORKERS"));
            // DynamoDB Local is JIT-compiled while it serves: warm it first, or whichever side runs first loses.
            Path warmup = BenchSupport.registryFile(30_000, 9);
            raw(stack, warmup, "Warmup", workers);
            fanOut(stack, bucket, warmup, "bench/echauffement.csv");
            Files.delete(warmup);

            List<String> lines = new ArrayList<>();
            Path fileA = BenchSupport.registryFile(rows, 0);
            CapacityMeter.start();
            long fanOutMillis = fanOut(stack, bucket, fileA, "bench/eventail-" + rows + ".csv");
            double[] created = CapacityMeter.stop();

            Path fileB = BenchSupport.registryFile(rows, 1);
            CapacityMeter.start();
            long singleMillis = single(stack, bucket, fileB, "bench/unique-" + rows + ".data", workers);
            double[] singleCapacity = CapacityMeter.stop();
            Files.delete(fileB);

            Path fileC = BenchSupport.registryFile(rows, 2);
            long rawMillis = raw(stack, fileC, "BenchRaw" + rows, workers);
            Files.delete(fileC);

            // The same persons again: first unchanged, then every one with a new address.
            Path unchanged = firstLines(fileA, kindRows, false);
            CapacityMeter.start();
            fanOut(stack, bucket, unchanged, "bench/inchangees-" + kindRows + ".csv");
            double[] unchangedCapacity = CapacityMeter.stop();
            Path moved = firstLines(fileA, kindRows, true);
            CapacityMeter.start();
            fanOut(stack, bucket, moved, "bench/demenagements-" + kindRows + ".csv");
            double[] updatedCapacity = CapacityMeter.stop();
            Files.delete(fileA);
            Files.delete(unchanged);
            Files.delete(moved);

            double fanOutRate = rows * 1000.0 / fanOutMillis;
            double singleRate = rows * 1000.0 / singleMillis;
            double rawRate = rows * 1000.0 / rawMillis;
            lines.add(String.format("%,d rows, ranges of %,d lines, %d writers per worker, %d local pollers",
                    rows, AWS_RANGE_ROWS, workers, SqsEventSources.LOCAL_MAX_CONCURRENCY));
            lines.add(String.format("fan-out (S3 → splitter → SQS → workers → report)  %,8.0f rows/s (%,d ms)", fanOutRate, fanOutMillis));
            lines.add(String.format("single invocation (whole file, one process)        %,8.0f rows/s (%,d ms)", singleRate, singleMillis));
            lines.add(String.format("raw BatchGetItem + BatchWriteItem                   %,8.0f rows/s (%,d ms)", rawRate, rawMillis));
            lines.add(String.format("ratios: fan-out / single %.2f, fan-out / raw %.2f, single / raw %.2f",
                    fanOutRate / singleRate, fanOutRate / rawRate, singleRate / rawRate));
            lines.add(String.format("capacity per created row (fan-out): %.2f RCU + %.2f WCU; single path: %.2f RCU + %.2f WCU",
                    created[0] / rows, created[1] / rows, singleCapacity[0] / rows, singleCapacity[1] / rows));
            lines.add(String.format("capacity per unchanged row: %.2f RCU + %.2f WCU (%,d rows)",
                    unchangedCapacity[0] / kindRows, unchangedCapacity[1] / kindRows, kindRows));
            lines.add(String.format("capacity per updated row:   %.2f RCU + %.2f WCU (%,d rows)",
                    updatedCapacity[0] / kindRows, updatedCapacity[1] / kindRows, kindRows));
            System.out.println("\n=== Registry import: fan-out vs single invocation vs raw DynamoDB, one run ===");
            lines.forEach(System.out::println);
        }
    }

    /** Drops the file and waits for its report; the time from the drop to the report. */
    private static long fanOut(LocalStack stack, String bucket, Path file, String key) throws Exception {
        long start = System.nanoTime();
        stack.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
        stack.awaitS3Events();
        long millis = (System.nanoTime() - start) / 1_000_000;
        var report = JsonMapper.builder().build().readTree(
                stack.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key + ".rapport.json")).asByteArray());
        if (!report.get("complet").asBoolean()) {
            throw new IllegalStateException("fan-out import of " + key + " incomplete: " + report.get("erreurFichier"));
        }
        return millis;
    }

    /** The whole file through one PopulationImport, as the function did before the fan-out. */
    private static long single(LocalStack stack, String bucket, Path file, String key, int workers) throws Exception {
        stack.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
        Map<String, String> env = stack.functionEnvironment("PopulationImportWorkerFunction");
        Clock clock = ServiceClock.utc();
        var dynamoDb = stack.dynamoDb();
        var enhanced = AwsClients.enhanced(dynamoDb);
        var protection = new NirProtection(env.get("NIR_HASH_KEY"), env.get("NIR_SEAL_KEY"));
        PopulationImport populationImport = new PopulationImport(new S3RegistryFiles(stack.s3()),
                new DynamoDbPersonRegistry(dynamoDb, enhanced, env.get("PERSONS_TABLE"), clock),
                new S3ImportReports(stack.s3()), new DynamoDbImportHistory(enhanced, dynamoDb, env.get("IMPORT_RUNS_TABLE")),
                new RegistryRowValidator(protection, clock), clock, workers);
        long start = System.nanoTime();
        var run = populationImport.importFile(new RegistryFile(bucket, key));
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (!run.summary().complete() || run.summary().created() != run.summary().read()) {
            throw new IllegalStateException("single import incomplete: " + run.summary());
        }
        return millis;
    }

    /** The first {@code count} lines of the file, each with a new street when {@code moved}. */
    private static Path firstLines(Path file, int count, boolean moved) throws Exception {
        Path out = Files.createTempFile("registre-", ".csv");
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             var writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write(in.readLine() + "\n");
            for (int i = 0; i < count; i++) {
                String line = in.readLine();
                writer.write((moved ? line.replace(" rue des Lilas;", " avenue des Tilleuls;") : line) + "\n");
            }
        }
        return out;
    }

    /** Reads (BatchGetItem, 100 keys) then writes (BatchWriteItem, 25 items) the file's persons, as the import stores them. */
    private static long raw(LocalStack stack, Path file, String table, int threads) throws Exception {
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
                for (int from = 0; from < batches.size(); from += 4) {
                    // 4 × 25 puts: one BatchGetItem of their 100 keys first, as the import reads before it writes.
                    List<List<WriteRequest>> group = batches.subList(from, Math.min(batches.size(), from + 4));
                    futures.add(pool.submit(() -> {
                        read(stack, table, group);
                        group.forEach(requests -> write(stack, table, requests));
                    }));
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

    private static void read(LocalStack stack, String table, List<List<WriteRequest>> group) {
        List<Map<String, AttributeValue>> keys = group.stream().flatMap(List::stream)
                .map(w -> Map.of("personKey", w.putRequest().item().get("personKey"))).toList();
        Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
        while (!pending.isEmpty()) {
            Map<String, KeysAndAttributes> request = pending;
            var response = stack.dynamoDb().batchGetItem(b -> b.requestItems(request));
            pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
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
