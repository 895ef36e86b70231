package fr.espacesante.local.bench;

import fr.espacesante.aws.AwsAdapters;
import fr.espacesante.aws.agenda.DynamoDbAgendaBook;
import fr.espacesante.domain.agenda.AgendaReminders;
import fr.espacesante.local.LocalStack;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
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
 * The agenda reminders' cost against the population: consumed read units of the due-hour index and
 * time of one run for the same 1,000 reminders due, among the agendas of 10,000 spaces and then of
 * 100,000 (each space with an appointment; those not due are reminded on later days) — goal: ratio
 * ≤ 1.1. The due spaces have no e-mail address, so the run measures finding and settling, not SES.
 * Usage: {@code ./espace bench reminders}.
 */
public final class AgendaRemindersBenchmark {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int DUE = 1_000;

    private AgendaRemindersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("espace.root", ".")).toAbsolutePath().normalize();
        try (LocalStack stack = LocalStack.start(LocalStack.Settings.forTests(root))) {
            Instant warmUp = LocalDate.now(PARIS).plusDays(30).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(9 * 3600);
            write(stack, warmUp, 300, 0);
            runOnce(stack, warmUp);
            Instant first = warmUp.plusSeconds(86_400 * 30L);
            write(stack, first, DUE, 9_000 - 300);
            Result small = runOnce(stack, first);
            Instant second = first.plusSeconds(86_400 * 60L);
            write(stack, second, DUE, 90_000);
            Result large = runOnce(stack, second);
            System.out.println("\n=== Agenda reminders: same 1,000 due, agendas of 10,000 vs 100,000 spaces (goal: ratio <= 1.1) ===");
            System.out.printf("population  10,000: %,d settled, %.1f index read units, %,d ms%n"
                            + "population 100,000: %,d settled, %.1f index read units, %,d ms%n"
                            + "ratio (100,000 / 10,000): read units %.2f, time %.2f%n",
                    small.settled, small.readUnits, small.millis, large.settled, large.readUnits, large.millis,
                    large.readUnits / small.readUnits, (double) large.millis / small.millis);
        }
    }

    private record Result(int settled, double readUnits, long millis) {
    }

    /** One run in the last minute of the due hour, checkpoint the hour before. */
    private static Result runOnce(LocalStack stack, Instant hour) {
        Clock clock = Clock.fixed(hour.plusSeconds(3_599), ZoneOffset.UTC);
        Map<String, String> env = stack.functionEnvironment("AgendaRemindersFunction");
        AwsAdapters adapters = new AwsAdapters(name -> Objects.requireNonNull(env.get(name), name), clock);
        DynamoDbAgendaBook book = new DynamoDbAgendaBook(adapters.dynamoDb(), env.get("AGENDA_TABLE"), env.get("CAMPAIGN_STATE_TABLE"));
        book.recordRemindedThrough(hour.minusSeconds(3_600));
        long start = System.nanoTime();
        AgendaReminders.Report report = new AgendaReminders(book, adapters.spaces(), adapters.mailer(), "http://bench",
                clock, adapters.sendLease()).run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Result(report.sent() + report.withoutEmail(), book.consumedReadUnits(), millis);
    }

    /** {@code due} appointments reminded within {@code hour}; {@code others} reminded on the 30 following days. */
    private static void write(LocalStack stack, Instant hour, int due, int others) {
        List<Map<String, AttributeValue>> spaces = new ArrayList<>();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < due + others; i++) {
            String key = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
            Instant remindAt = i < due ? hour.plusSeconds(i % 3_000) : hour.plusSeconds(86_400L * (1 + i % 30));
            if (i < due) {
                spaces.add(Map.of("spaceKey", s(key), "status", s("OPEN"), "createdAt", s("2026-01-10T08:00:00Z"),
                        "creation", s("SWEEP"), "version", AttributeValue.fromN("1")));
            }
            String id = UUID.randomUUID().toString();
            var at = remindAt.plusSeconds(86_400).atZone(PARIS).toLocalDateTime();
            Map<String, AttributeValue> item = new HashMap<>(Map.of("spaceKey", s(key), "itemKey", s("item#" + id), "itemId", s(id),
                    "timeKey", s(at + "#" + id), "kind", s("APPOINTMENT"), "title", s("Dr Bench"), "at", s(at.toString()),
                    "status", s("PLANNED"), "remindAt", s(remindAt.toString()), "createdAt", s("2026-11-01T08:00:00Z")));
            item.put("reminderShard", s(DynamoDbAgendaBook.shardOf(remindAt, key)));
            item.put("remindDaysBefore", AttributeValue.fromN("1"));
            items.add(item);
        }
        stack.putItems(stack.physicalName("SpacesTable"), spaces);
        stack.putItems(stack.physicalName("AgendaTable"), items);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
