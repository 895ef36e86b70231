package fr.espacesante.local.bench;

import fr.espacesante.aws.AwsAdapters;
import fr.espacesante.aws.space.DynamoDbSpaces;
import fr.espacesante.domain.lifecycle.RetentionPurge;
import fr.espacesante.domain.lifecycle.port.out.PurgeSchedule;
import fr.espacesante.local.LocalStack;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The retention purge's cost against the population: consumed read units of the purge index and
 * time of one purge run for the same 1,000 spaces due, among 10,000 spaces and then 100,000 (goal:
 * ratio ≤ 1.1). Each due space has a document record and an access-history entry to erase; the
 * others are open or closed with a later purge day. Usage: {@code ./espace bench purge}.
 */
public final class PurgeBenchmark {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int DUE = 1_000;

    private PurgeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("espace.root", ".")).toAbsolutePath().normalize();
        try (LocalStack stack = LocalStack.start(LocalStack.Settings.forTests(root))) {
            // A warm-up day first, so that neither measured run pays for the JIT and the clients' start.
            LocalDate warmUp = LocalDate.now(PARIS).plusYears(10);
            writeSpaces(stack, warmUp, 300, 0);
            purgeOnce(stack, warmUp);
            LocalDate first = warmUp.plusDays(60);
            writeSpaces(stack, first, DUE, 9_000 - 300);
            Result small = purgeOnce(stack, first);
            LocalDate second = first.plusDays(120);
            writeSpaces(stack, second, DUE, 90_000);
            Result large = purgeOnce(stack, second);
            System.out.println("\n=== Retention purge: same 1,000 due, population 10,000 vs 100,000 (goal: ratio <= 1.1) ===");
            System.out.printf("population  10,000: %,d spaces purged, %.1f index read units, %,d ms%n"
                            + "population 100,000: %,d spaces purged, %.1f index read units, %,d ms%n"
                            + "ratio (100,000 / 10,000): read units %.2f, time %.2f%n",
                    small.purged, small.readUnits, small.millis, large.purged, large.readUnits, large.millis,
                    large.readUnits / small.readUnits, (double) large.millis / small.millis);
        }
    }

    private record Result(int purged, double readUnits, long millis) {
    }

    /** Purges exactly one day: checkpoint the day before, clock in the early morning of that day. */
    private static Result purgeOnce(LocalStack stack, LocalDate day) {
        Clock clock = Clock.fixed(day.atTime(2, 0).atZone(PARIS).toInstant(), ZoneOffset.UTC);
        Map<String, String> env = stack.functionEnvironment("SpacePurgeFunction");
        AwsAdapters adapters = new AwsAdapters(name -> Objects.requireNonNull(env.get(name), name), clock);
        PurgeSchedule schedule = adapters.purgeSchedule();
        schedule.recordPurgedThrough(day.minusDays(1));
        long start = System.nanoTime();
        RetentionPurge.PurgeReport report = new RetentionPurge(schedule, adapters.spaceErasure(), clock).purge();
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Result(report.spacesPurged(), schedule.consumedReadUnits(), millis);
    }

    /**
     * {@code due} closed spaces due on {@code day}, each with its person, a document record and a history
     * entry; {@code others} spaces not due that day: half open, half closed with a purge day within 30 days after.
     */
    private static void writeSpaces(LocalStack stack, LocalDate day, int due, int others) {
        List<Map<String, AttributeValue>> spaces = new ArrayList<>();
        List<Map<String, AttributeValue>> persons = new ArrayList<>();
        List<Map<String, AttributeValue>> documents = new ArrayList<>();
        List<Map<String, AttributeValue>> history = new ArrayList<>();
        for (int i = 0; i < due; i++) {
            String key = key();
            spaces.add(space(key, day));
            persons.add(Map.of("personKey", s(key), "status", s("SPACE_CREATED"), "lastName", s("Martin")));
            documents.add(Map.of("spaceKey", s(key), "documentId", s(UUID.randomUUID().toString()), "title", s("Bilan")));
            history.add(Map.of("spaceKey", s(key), "entryKey", s("2026-11-29T10:00:00Z#" + UUID.randomUUID())));
        }
        for (int i = 0; i < others; i++) {
            spaces.add(i % 2 == 0 ? space(key(), null) : space(key(), day.plusDays(1 + i % 30)));
        }
        stack.putItems(stack.physicalName("SpacesTable"), spaces);
        stack.putItems(stack.physicalName("PersonsTable"), persons);
        stack.putItems(stack.physicalName("DocumentsTable"), documents);
        stack.putItems(stack.physicalName("AccessHistoryTable"), history);
    }

    private static Map<String, AttributeValue> space(String key, LocalDate purgeOn) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("spaceKey", s(key));
        item.put("status", s(purgeOn == null ? "OPEN" : "CLOSED"));
        item.put("createdAt", s("2026-01-10T08:00:00Z"));
        item.put("creation", s("SWEEP"));
        item.put("version", AttributeValue.fromN("1"));
        if (purgeOn != null) {
            item.put("closedAt", s(purgeOn.minusYears(10).atStartOfDay(PARIS).toInstant().toString()));
            item.put("purgeOn", s(purgeOn.toString()));
            item.put("purgeShard", s(DynamoDbSpaces.purgeShard(purgeOn, key)));
        }
        return item;
    }

    private static String key() {
        return UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
