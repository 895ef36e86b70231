package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.aws.AwsAdapters;
import fr.espacesante.aws.agenda.DynamoDbAgendaBook;
import fr.espacesante.domain.agenda.AgendaReminders;
import fr.espacesante.domain.agenda.port.out.AgendaBook;
import fr.espacesante.domain.mail.port.out.Mailer;
import fr.espacesante.local.support.CrashingRuns;
import fr.espacesante.local.support.CrashPoints.Step;
import fr.espacesante.local.support.Http;
import fr.espacesante.local.support.LocalStackSupport;
import fr.espacesante.local.support.MutableClock;
import fr.espacesante.local.support.RandomCrashes;
import fr.espacesante.local.support.Registry;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/**
 * The health agenda through the gateway — entries in time order, refused inputs — and its reminder
 * e-mails: 600 due the same hour, two runs at a time crashing at random between every two steps,
 * then replays: each sent once, saying when and never with whom or why.
 */
class AgendaIT {

    private static final LocalStack STACK = LocalStackSupport.shared();
    private static final String API = STACK.gatewayUrl();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void the_patient_keeps_appointments_and_reminders_and_bad_input_changes_nothing() {
        int base = 730_000 + (int) (Math.random() * 40_000);
        String nir = Registry.nir(base);
        Registry.importLines(STACK, "registre/agenda-" + base + ".csv", List.of(Registry.line(nir, "Agenda", "Alice", null)));
        String patient = Http.token(API, "patient", "sujet=citoyen-" + UUID.randomUUID());
        assertThat(Http.send("POST", API + "/espace/activation", patient, "{\"ins\":\"" + nir + "\",\"dateNaissance\":\""
                + Registry.BIRTH_DATE + "\",\"nomNaissance\":\"Agenda\"}").statusCode()).isEqualTo(200);
        LocalDate day = LocalDate.now(PARIS).plusDays(20);

        var appointment = Http.send("POST", API + "/espace/agenda", patient, "{\"type\":\"RENDEZ_VOUS\",\"titre\":\"Dr Martin\","
                + "\"rpps\":\"10100000001\",\"specialite\":\"cardiologie\",\"date\":\"" + day + "\",\"heure\":\"10:30\","
                + "\"adresse\":\"3 rue de la Paix, 31000 Toulouse\",\"note\":\"Apporter l'ECG\"}");
        assertThat(appointment.statusCode()).as(appointment.body()).isEqualTo(201);
        assertThat(Http.json(appointment).get("rappelJoursAvant").asInt()).isEqualTo(1);
        assertThat(Http.send("POST", API + "/espace/agenda", patient, reminder(day.minusDays(1), "08:00")).statusCode()).isEqualTo(201);
        JsonNode listed = Http.json(Http.get(API + "/espace/agenda?du=" + day.minusDays(2), patient)).get("entrees");
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("type").asString()).isEqualTo("RAPPEL");
        assertThat(listed.get(1).get("specialite").asString()).isEqualTo("cardiologie");

        // Ten reminders on one date, not eleven
        for (int i = 1; i < 10; i++) {
            assertThat(Http.send("POST", API + "/espace/agenda", patient, reminder(day.minusDays(1), "09:0" + i)).statusCode())
                    .isEqualTo(201);
        }
        List<String> refused = new ArrayList<>();
        refused.add(code(Http.send("POST", API + "/espace/agenda", patient, reminder(day.minusDays(1), "12:00"))));
        for (String body : List.of(
                "{\"type\":\"RENDEZ_VOUS\",\"titre\":\"Dr X\",\"date\":\"" + day + "\",\"heure\":\"10:30\",\"statut\":\"FAIT\"}",
                "{\"type\":\"RENDEZ_VOUS\",\"titre\":\"Dr X\",\"date\":\"" + day + "\",\"heure\":\"25:00\"}",
                "{\"type\":\"RENDEZ_VOUS\",\"titre\":\"Dr X\\u0007\",\"date\":\"" + day + "\",\"heure\":\"10:30\"}",
                "{\"type\":\"RENDEZ_VOUS\",\"titre\":\"Dr X\",\"date\":\"" + day + "\",\"heure\":\"10:30\",\"note\":\"" + "n".repeat(2_001) + "\"}",
                "{\"type\":\"RENDEZ_VOUS\",\"titre\":\"Dr X\",\"date\":\"" + day + "\",\"heure\":\"10:30\",\"rappelJoursAvant\":8}",
                "{\"type\":\"RENDEZ_VOUS\",\"titre\":\"Dr X\",\"rpps\":\"123\",\"date\":\"" + day + "\",\"heure\":\"10:30\"}",
                "{\"type\":\"VISITE\",\"titre\":\"Dr X\",\"date\":\"" + day + "\",\"heure\":\"10:30\"}")) {
            refused.add(code(Http.send("POST", API + "/espace/agenda", patient, body)));
        }
        System.out.println("AgendaIT refused: " + refused);
        assertThat(refused).startsWith("RAPPELS_LIMITE").doesNotContainNull();
        assertThat(Http.json(Http.get(API + "/espace/agenda?du=" + day.minusDays(2) + "&limite=100", patient)).get("entrees"))
                .hasSize(11);
        // Every read and write is in the history under the agenda
        assertThat(Http.get(API + "/espace/historique?limite=100", patient).body()).contains("AGENDA");
    }

    @Test
    void six_hundred_reminders_due_the_same_hour_go_exactly_once_through_crashes_and_overlapping_runs() throws Exception {
        int base = 770_000 + (int) (Math.random() * 40_000);
        String suffix = ".ag" + base + "@agenda.example";
        // Due at 07:xx UTC tomorrow: appointments at 07:xx the day after, reminded one day before
        Instant hour = LocalDate.now(PARIS).plusDays(2).atStartOfDay(ZoneId.of("UTC")).toInstant().plusSeconds(7 * 3600);
        List<String> spaces = new ArrayList<>();
        List<Map<String, AttributeValue>> spaceItems = new ArrayList<>();
        List<Map<String, AttributeValue>> agendaItems = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String key = "agenda-" + base + "-" + i + "-" + UUID.randomUUID();
            spaces.add(key);
            spaceItems.add(Map.of("spaceKey", s(key), "status", s("OPEN"), "createdAt", s("2026-01-10T08:00:00Z"),
                    "creation", s("SWEEP"), "version", AttributeValue.fromN("1"), "email", s("patient" + i + suffix)));
            Instant remindAt = hour.plusSeconds(60L * (i % 50));
            LocalDateTime at = remindAt.plusSeconds(86_400).atZone(PARIS).toLocalDateTime();
            String id = UUID.randomUUID().toString();
            Map<String, AttributeValue> item = new HashMap<>(Map.of("spaceKey", s(key), "itemKey", s("item#" + id), "itemId", s(id),
                    "timeKey", s(at + "#" + id), "kind", s("APPOINTMENT"), "title", s("Dr Secret"), "speciality", s("oncologie"),
                    "at", s(at.toString()), "status", s("PLANNED"), "note", s("Résultats de biopsie")));
            item.putAll(Map.of("remindDaysBefore", AttributeValue.fromN("1"), "remindAt", s(remindAt.toString()),
                    "reminderShard", s(DynamoDbAgendaBook.shardOf(remindAt, key)), "createdAt", s("2026-11-01T08:00:00Z")));
            agendaItems.add(item);
        }
        STACK.putItems(STACK.physicalName("SpacesTable"), spaceItems);
        STACK.putItems(STACK.physicalName("AgendaTable"), agendaItems);
        Http.post(STACK.sesUrl() + "/clear-store", "");

        MutableClock clock = new MutableClock(hour.plusSeconds(3_599));
        var env = STACK.functionEnvironment("AgendaRemindersFunction");
        AwsAdapters adapters = new AwsAdapters(name -> Objects.requireNonNull(env.get(name), name), clock);
        AgendaBook real = new DynamoDbAgendaBook(adapters.dynamoDb(), env.get("AGENDA_TABLE"), env.get("CAMPAIGN_STATE_TABLE"));
        real.recordRemindedThrough(hour.minusSeconds(3_600));
        RandomCrashes crashes = new RandomCrashes(EnumSet.of(Step.BEFORE_CLAIM, Step.AFTER_CLAIM, Step.AFTER_MARK_SENT), 0.01, 15);
        AgendaReminders reminders = new AgendaReminders(crashing(real, crashes), adapters.spaces(), adapters.mailer(),
                "http://espace.example", clock, adapters.sendLease());
        int rounds = CrashingRuns.untilDone(2, 200, () -> stillDue(real, hour) == 0, runId -> reminders.run(),
                () -> clock.advance(adapters.sendLease().plusSeconds(1)));
        assertThat(reminders.run().sent()).isZero();

        Map<String, Integer> perAddress = new HashMap<>();
        List<String> texts = new ArrayList<>();
        for (JsonNode email : Http.json(Http.get(STACK.sesUrl() + "/store", null)).get("emails")) {
            String to = email.get("destination").get("to").get(0).asString();
            if (to.endsWith(suffix)) {
                perAddress.merge(to, 1, Integer::sum);
                texts.add(email.get("body").get("text").asString());
            }
        }
        int duplicates = perAddress.values().stream().mapToInt(n -> n - 1).sum();
        System.out.printf("agenda reminders: %d due, %d rounds of 2 concurrent runs + 1 replay; crashes injected %d %s;"
                        + " e-mails %d to %d addresses, duplicates %d, missed %d%n", spaces.size(), rounds, crashes.total(),
                crashes.crashes, texts.size(), perAddress.size(), duplicates, spaces.size() - perAddress.size());
        assertThat(crashes.total()).isPositive();
        assertThat(duplicates).isZero();
        assertThat(perAddress).hasSize(spaces.size());
        assertThat(texts).allSatisfy(t -> assertThat(t).contains("Vous avez un rendez-vous").doesNotContain("oncologie")
                .doesNotContain("biopsie").doesNotContain("Secret"));
    }

    private static int stillDue(AgendaBook book, Instant hour) {
        int due = 0;
        for (int shard = 0; shard < fr.espacesante.domain.campaign.Departments.SHARDS; shard++) {
            Optional<String> cursor = Optional.empty();
            do {
                var page = book.due(hour, shard, 500, cursor);
                due += page.due().size();
                cursor = page.cursor();
            } while (cursor.isPresent());
        }
        return due;
    }

    /** The book with crash points around claiming and marking sent. */
    private static AgendaBook crashing(AgendaBook book, RandomCrashes crashes) {
        return new AgendaBook() {
            @Override
            public boolean add(fr.espacesante.domain.agenda.AgendaItem item, int max) {
                return book.add(item, max);
            }

            @Override
            public Optional<fr.espacesante.domain.agenda.AgendaItem> find(String spaceKey, String itemId) {
                return book.find(spaceKey, itemId);
            }

            @Override
            public void update(fr.espacesante.domain.agenda.AgendaItem item) {
                book.update(item);
            }

            @Override
            public void delete(fr.espacesante.domain.agenda.AgendaItem item) {
                book.delete(item);
            }

            @Override
            public Page list(String spaceKey, LocalDate from, int limit, Optional<String> cursor) {
                return book.list(spaceKey, from, limit, cursor);
            }

            @Override
            public DuePage due(Instant hour, int shard, int limit, Optional<String> cursor) {
                return book.due(hour, shard, limit, cursor);
            }

            @Override
            public boolean claim(Due due, Instant hour, String owner, Instant now, Instant leaseUntil) {
                crashes.reached(Step.BEFORE_CLAIM);
                boolean claimed = book.claim(due, hour, owner, now, leaseUntil);
                if (claimed) {
                    crashes.reached(Step.AFTER_CLAIM);
                }
                return claimed;
            }

            @Override
            public boolean markSent(Due due, String owner) {
                boolean marked = book.markSent(due, owner);
                crashes.reached(Step.AFTER_MARK_SENT);
                return marked;
            }

            @Override
            public Optional<Instant> remindedThrough() {
                return book.remindedThrough();
            }

            @Override
            public void recordRemindedThrough(Instant hour) {
                book.recordRemindedThrough(hour);
            }
        };
    }

    private static String reminder(LocalDate date, String time) {
        return "{\"type\":\"RAPPEL\",\"titre\":\"Prendre la tension\",\"date\":\"" + date + "\",\"heure\":\"" + time + "\"}";
    }

    private static String code(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        return Http.json(response).get("code").asString();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
