package fr.espacesante.local.bench;

import fr.espacesante.aws.AwsAdapters;
import fr.espacesante.aws.campaign.DynamoDbDueSpaces;
import fr.espacesante.domain.campaign.Departments;
import fr.espacesante.domain.campaign.SpaceSweep;
import fr.espacesante.domain.campaign.Wave;
import fr.espacesante.domain.campaign.WavePlan;
import fr.espacesante.domain.campaign.WavePlanning;
import fr.espacesante.domain.campaign.WaveSender;
import fr.espacesante.domain.campaign.WorkingDays;
import fr.espacesante.local.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Campaign benchmarks, each side measured in the same run on the same DynamoDB Local:
 * <ul>
 *   <li><b>send</b>: the wave sender's rate (persons notified per second: claim, e-mail through the SES
 *       emulator or PDF letter into S3Proxy, ledger) vs DynamoDB Local's raw single-item PutItem rate;</li>
 *   <li><b>sweep</b>: consumed read capacity and time of the sweep for 1,000 persons due, in a
 *       population of 10,000 and then of 100,000 (goal: ratio ≤ 1.1).</li>
 * </ul>
 * Usage: {@code ./espace bench campaign [persons-to-send]} (default 4000).
 */
public final class CampaignBenchmark {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private CampaignBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int toSend = args.length > 0 ? Integer.parseInt(args[0]) : 4_000;
        Path root = Path.of(System.getProperty("espace.root", ".")).toAbsolutePath().normalize();
        try (LocalStack stack = LocalStack.start(LocalStack.Settings.forTests(root))) {
            LocalDate day = nextWorkingDay(LocalDate.now(PARIS));
            Clock clock = Clock.fixed(day.atTime(10, 0).atZone(PARIS).toInstant(), ZoneOffset.UTC);
            AwsAdapters adapters = adapters(stack, "WaveSenderFunction", clock);
            String send = send(stack, adapters, clock, day, toSend);
            String sweep = sweep(stack, day);
            System.out.println("\n=== Wave sender vs DynamoDB Local raw PutItem (same concurrency) ===");
            System.out.println(send);
            System.out.println("\n=== Sweep: same 1,000 due, population 10,000 vs 100,000 (goal: ratio <= 1.1) ===");
            System.out.println(sweep);
        }
    }

    private static String send(LocalStack stack, AwsAdapters adapters, Clock clock, LocalDate day, int persons)
            throws Exception {
        Path file = BenchSupport.registryFile(persons, 7);
        String bucket = stack.physicalName("ImportBucket");
        stack.s3().putObject(b -> b.bucket(bucket).key("bench/vague.csv"), RequestBody.fromFile(file));
        stack.awaitS3Events();
        Files.delete(file);
        // Warm DynamoDB Local (it is JIT-compiled while serving) and the sender's code paths.
        rawPuts(stack, "WarmupPuts", 5_000, 4);
        Wave wave = new WavePlanning(adapters.waves(), adapters.notificationQueue(), clock)
                .plan(new WavePlan(List.of("31"), false, day, Optional.empty(), 10_000_000, persons), "bench");
        WaveSender sender = new WaveSender(adapters.waves(), adapters.notificationQueue(), adapters.ledger(),
                adapters.persons(), adapters.mailer(), adapters.letterOffice(), adapters.codes(), adapters.campaignNotices(),
                clock, Duration.ofMinutes(5), adapters.objectionDays(),
                Integer.parseInt(adapters.env("SEND_WORKERS")));
        long start = System.nanoTime();
        WaveSender.RunReport report = sender.run("bench");
        long sendMillis = (System.nanoTime() - start) / 1_000_000;
        int sent = report.emails() + report.letters();
        if (sent != persons) {
            throw new IllegalStateException("sent " + sent + " of " + persons + " (wave " + wave.waveId() + ")");
        }
        int workers = Integer.parseInt(adapters.env("SEND_WORKERS"));
        long rawMillis = rawPuts(stack, "RawPuts", persons, workers);
        double sendRate = sent * 1000.0 / sendMillis;
        double rawRate = persons * 1000.0 / rawMillis;
        return String.format("%,d persons (%d e-mails, %d letters) | sender %,.0f persons/s (%,d ms, %d workers) |"
                        + " raw PutItem %,.0f items/s (%,d ms, %d threads) | ratio %.3f | a notification costs about"
                        + " %.1f raw writes",
                persons, report.emails(), report.letters(), sendRate, sendMillis, workers, rawRate, rawMillis, workers,
                sendRate / rawRate, rawRate / sendRate);
    }

    private static long rawPuts(LocalStack stack, String table, int count, int threads) throws Exception {
        stack.dynamoDb().createTable(b -> b.tableName(table).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("personKey").attributeType("S"))
                .keySchema(k -> k.attributeName("personKey").keyType("HASH")));
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(person(UUID.randomUUID().toString(), "IMPORTED", null, null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (Map<String, AttributeValue> item : items) {
                futures.add(pool.submit(() -> stack.dynamoDb().putItem(b -> b.tableName(table).item(item))));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return (System.nanoTime() - start) / 1_000_000;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String sweep(LocalStack stack, LocalDate today) throws Exception {
        AwsAdapters adapters = adapters(stack, "SpaceSweepFunction", Clock.systemUTC());
        String persons = stack.physicalName("PersonsTable");
        String waveId = "vague-bench-balayage";
        adapters.waves().create(new Wave(waveId, List.of("31"), false, today, Optional.empty(), 1, 1,
                fr.espacesante.domain.campaign.WaveStatus.COMPLETED, Instant.now(), "bench",
                new fr.espacesante.domain.campaign.WaveProgress(0, 0, 0, 0, 0, 0), today, 0));
        LocalDate first = today.plusDays(60);
        // Population 10,000: 1,000 due on the swept day, 9,000 due on 30 later days.
        writePersons(stack, persons, waveId, first, 1_000);
        for (int d = 1; d <= 30; d++) {
            writePersons(stack, persons, waveId, first.plusDays(d), 300);
        }
        Result small = sweepOnce(stack, first);
        // Population 100,000: 90,000 more, then 1,000 due on another day.
        LocalDate second = first.plusDays(31);
        for (int d = 1; d <= 30; d++) {
            writePersons(stack, persons, waveId, second.plusDays(d), 3_000);
        }
        writePersons(stack, persons, waveId, second, 1_000);
        Result large = sweepOnce(stack, second);
        return String.format("population  10,000: %,d spaces created, %.1f read units, %,d ms%n"
                        + "population 100,000: %,d spaces created, %.1f read units, %,d ms%n"
                        + "ratio (100,000 / 10,000): read units %.2f, time %.2f",
                small.created, small.readUnits, small.millis, large.created, large.readUnits, large.millis,
                large.readUnits / small.readUnits, (double) large.millis / small.millis);
    }

    private record Result(int created, double readUnits, long millis) {
    }

    /** Sweeps exactly one deadline day: checkpoint the day before, clock the morning after. */
    private static Result sweepOnce(LocalStack stack, LocalDate deadline) {
        Clock clock = Clock.fixed(deadline.plusDays(1).atTime(2, 0).atZone(PARIS).toInstant(), ZoneOffset.UTC);
        AwsAdapters adapters = adapters(stack, "SpaceSweepFunction", clock);
        DynamoDbDueSpaces due = adapters.dueSpaces();
        due.recordSweptThrough(deadline.minusDays(1));
        long start = System.nanoTime();
        SpaceSweep.SweepReport report = new SpaceSweep(due, adapters.waves(), clock, adapters.objectionDays()).sweep();
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Result(report.spacesCreated(), due.consumedReadUnits(), millis);
    }

    /** Notified persons due on {@code deadline}, written directly (BatchWriteItem, 8 threads). */
    private static void writePersons(LocalStack stack, String table, String waveId, LocalDate deadline, int count) {
        List<Map<String, AttributeValue>> persons = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
            persons.add(person(key, "NOTIFIED", deadline + "#" + Departments.shardOf(key), waveId));
        }
        stack.putItems(table, persons);
    }

    private static Map<String, AttributeValue> person(String key, String status, String dueShard, String waveId) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("personKey", AttributeValue.fromS(key));
        item.put("status", AttributeValue.fromS(status));
        item.put("sealedNir", AttributeValue.fromS("x".repeat(60)));
        item.put("lastName", AttributeValue.fromS("Martin"));
        item.put("firstNames", AttributeValue.fromS("Jean"));
        item.put("birthDate", AttributeValue.fromS("1980-01-15"));
        item.put("department", AttributeValue.fromS("31"));
        item.put("street", AttributeValue.fromS("12 rue des Lilas"));
        item.put("postcode", AttributeValue.fromS("31000"));
        item.put("town", AttributeValue.fromS("Toulouse"));
        item.put("email", AttributeValue.fromS("jean.martin@example.fr"));
        if (dueShard != null) {
            item.put("dueShard", AttributeValue.fromS(dueShard));
            item.put("notifiedBy", AttributeValue.fromS(waveId));
        }
        return item;
    }

    private static AwsAdapters adapters(LocalStack stack, String functionId, Clock clock) {
        Map<String, String> env = stack.functionEnvironment(functionId);
        return new AwsAdapters(name -> Objects.requireNonNull(env.get(name), name), clock);
    }

    private static LocalDate nextWorkingDay(LocalDate from) {
        LocalDate day = from.plusDays(1);
        while (!WorkingDays.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }
}
