package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.aws.AwsAdapters;
import fr.espacesante.aws.family.DynamoDbHandovers;
import fr.espacesante.domain.campaign.OneTimeCode;
import fr.espacesante.domain.family.ComingOfAge;
import fr.espacesante.domain.family.HandoverNotices;
import fr.espacesante.domain.nir.Nir;
import fr.espacesante.local.support.Campaigns;
import fr.espacesante.local.support.CrashingRuns;
import fr.espacesante.local.support.CrashPoints.Step;
import fr.espacesante.local.support.Http;
import fr.espacesante.local.support.LocalStackSupport;
import fr.espacesante.local.support.MutableClock;
import fr.espacesante.local.support.RandomCrashes;
import fr.espacesante.local.support.Registry;
import java.time.Duration;
import java.time.LocalDate;
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

/**
 * The handover at 18, exactly once: 2,000 minors (and one attached through the API) turn 18 the same
 * day; two runs at a time, crashing at random between every two steps (but inside the e-mail's
 * residual window, measured for waves in {@link ExactlyOnceIT}), until none is left; then replays.
 * Each young adult is told once, with their own code; the parent leaves the space; the history says
 * it once; the code activates the space through the gateway.
 */
class ComingOfAgeIT {

    private static final LocalStack STACK = LocalStackSupport.shared();
    private static final String API = STACK.gatewayUrl();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int MINORS = 2_000;
    /** The 18th birthday of the registry's children (born 2017-03-09). */
    private static final LocalDate BIRTHDAY = LocalDate.parse(Registry.CHILD_BIRTH_DATE).plusYears(18);

    @Test
    void two_thousand_young_adults_are_told_exactly_once_through_crashes_and_overlapping_runs() throws Exception {
        int base = 640_000 + (int) (Math.random() * 50_000);
        String suffix = ".maj" + base + "@majorite.example";
        // One child attached by their parent through the API, without an e-mail address (a letter)
        String parentNir = Registry.nir(base);
        String childNir = Registry.childNir(base);
        Registry.importLines(STACK, "registre/majorite-" + base + ".csv", List.of(
                Registry.line(parentNir, "Majeur", "Martine", null), Registry.childLine(childNir, "Majeur", "Théo")));
        String parent = Http.token(API, "patient", "sujet=citoyen-" + UUID.randomUUID());
        assertThat(Http.send("POST", API + "/espace/activation", parent, "{\"ins\":\"" + parentNir + "\",\"dateNaissance\":\""
                + Registry.BIRTH_DATE + "\",\"nomNaissance\":\"Majeur\"}").statusCode()).isEqualTo(200);
        var attached = Http.send("POST", API + "/espace/enfants", parent, "{\"ins\":\"" + childNir + "\",\"dateNaissance\":\""
                + Registry.CHILD_BIRTH_DATE + "\",\"nomNaissance\":\"Majeur\",\"autoriteParentaleExclusive\":true}");
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        String reference = Http.json(attached).get("reference").asString();
        // the parent subscribes a calendar app to the child's agenda
        String calendar = Http.json(Http.send("POST", API + "/espace/agenda/abonnement?enfant=" + reference, parent, null))
                .get("adresse").asString();
        assertThat(Http.get(calendar, null).statusCode()).isEqualTo(200);

        // 2,000 more, half with an e-mail address, written directly
        List<String> children = minors(base, suffix);

        MutableClock clock = new MutableClock(BIRTHDAY.atTime(6, 0).atZone(PARIS).toInstant());
        AwsAdapters adapters = adapters(clock);
        adapters.handovers().recordHandedOverThrough(BIRTHDAY.minusDays(1));
        RandomCrashes crashes = new RandomCrashes(EnumSet.complementOf(EnumSet.of(Step.AFTER_EMAIL_ACCEPTED)), 0.006, 18);
        ComingOfAge comingOfAge = new ComingOfAge(crashes.handovers(adapters.handovers()), adapters.spaces(), adapters.persons(),
                adapters.mailer(), crashes.post(adapters.postalMail()), adapters.codes(), adapters.handoverNotices(), clock,
                adapters.sendLease());

        long started = System.nanoTime();
        int rounds = CrashingRuns.untilDone(2, 300, () -> stillDue(adapters) == 0, runId -> comingOfAge.run(),
                () -> clock.advance(adapters.sendLease().plusSeconds(1)));
        double seconds = (System.nanoTime() - started) / 1e9;
        for (int i = 0; i < 2; i++) {
            ComingOfAge.Report replay = comingOfAge.run();
            assertThat(replay.emails() + replay.letters()).isZero();
        }

        // Count what went out, and what was recorded
        OneTimeCode codes = adapters.codes();
        Map<String, List<String>> emailed = Campaigns.emailedCodes(STACK, suffix, HandoverNotices.TITLE);
        String letters = STACK.physicalName("LettersBucket");
        int duplicates = 0;
        int missed = 0;
        int wrongCodes = 0;
        int letterCount = 0;
        int historyEntries = 0;
        int parentsLeft = 0;
        for (int i = 0; i < children.size(); i++) {
            String childKey = children.get(i);
            List<String> mails = emailed.getOrDefault(address(i, suffix), List.of());
            boolean letter = exists(letters, "courriers/majorite/" + childKey + ".pdf");
            letterCount += letter ? 1 : 0;
            int notices = mails.size() + (letter ? 1 : 0);
            duplicates += Math.max(0, notices - 1);
            missed += notices == 0 ? 1 : 0;
            String expected = codes.codeFor(childKey, ComingOfAge.HANDOVER);
            wrongCodes += (int) mails.stream().filter(c -> !c.equals(expected)).count();
            historyEntries += STACK.dynamoDb().query(r -> r.tableName(STACK.physicalName("AccessHistoryTable"))
                    .keyConditionExpression("spaceKey = :k").filterExpression("resourceId = :h")
                    .expressionAttributeValues(Map.of(":k", s(childKey), ":h", s("passage-majorite")))).count();
            var space = STACK.dynamoDb().getItem(r -> r.tableName(STACK.physicalName("SpacesTable"))
                    .key(Map.of("spaceKey", s(childKey)))).item();
            parentsLeft += space.containsKey("legalRepresentatives") ? 1 : 0;
        }
        System.out.printf("handover at 18: %d young adults, %d rounds of 2 concurrent runs + 2 replays, %.1f s;"
                        + " crashes injected %d %s; e-mails %d, letters %d; duplicates %d, missed %d, wrong codes %d;"
                        + " history entries %d; parents still attached %d%n",
                children.size(), rounds, seconds, crashes.total(), crashes.crashes,
                emailed.values().stream().mapToInt(List::size).sum(), letterCount, duplicates, missed, wrongCodes,
                historyEntries, parentsLeft);
        assertThat(crashes.total()).as("faults were injected").isGreaterThan(25);
        for (Step step : List.of(Step.BEFORE_CLAIM, Step.AFTER_CLAIM, Step.AFTER_MARK_SENDING, Step.AFTER_LETTER_STORED,
                Step.AFTER_MARK_SENT)) {
            assertThat(crashes.crashes.get(step).get()).as(step.name()).isPositive();
        }
        assertThat(duplicates).isZero();
        assertThat(missed).isZero();
        assertThat(wrongCodes).isZero();
        assertThat(historyEntries).isEqualTo(children.size());
        assertThat(parentsLeft).isZero();

        // The child attached through the API got a letter with their code: it activates their own space;
        // the parent no longer acts for them.
        String childKey = adapters.nirProtection().lookupKey(Nir.parse(childNir));
        String text = Campaigns.pdfText(STACK.s3().getObjectAsBytes(r -> r.bucket(letters)
                .key("courriers/majorite/" + childKey + ".pdf")).asByteArray());
        assertThat(text).contains("Votre espace santé est désormais le vôtre").contains("Théo Majeur");
        String code = Campaigns.codeIn(text);
        String youngAdult = Http.token(API, "patient", "sujet=citoyen-" + UUID.randomUUID());
        var activated = Http.send("POST", API + "/espace/activation", youngAdult, "{\"code\":\"" + code + "\"}");
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        // The guardianship ended with the handover: the former parent no longer names the young adult at all
        assertThat(Http.json(Http.get(API + "/espace/enfants", parent)).get("enfants")).isEmpty();
        assertThat(Http.get(API + "/espace/documents?enfant=" + reference, parent).statusCode()).isEqualTo(404);
        // and the calendar the parent subscribed no longer shows the young adult's appointments
        assertThat(Http.get(calendar, null).statusCode()).as("the parent's calendar subscription").isEqualTo(404);
        // Nor may the parent close the young adult's space: a clear 4xx, and it stays open
        var closing = Http.send("POST", API + "/espace/cloture?enfant=" + reference, parent, "{}");
        assertThat(closing.statusCode()).as(closing.body()).isEqualTo(404);
        assertThat(Http.json(Http.get(API + "/espace", youngAdult)).get("statut").asString()).isEqualTo("OPEN");
        assertThat(Http.get(API + "/espace/historique", youngAdult).body()).contains("passage-majorite");
    }

    private static String address(int i, String suffix) {
        return "jeune" + i + suffix;
    }

    /** Minors born on the registry's children's birth date, each attached to a parent: persons, spaces, guardianships. */
    private static List<String> minors(int base, String suffix) {
        List<String> keys = new ArrayList<>();
        List<Map<String, AttributeValue>> persons = new ArrayList<>();
        List<Map<String, AttributeValue>> spaces = new ArrayList<>();
        List<Map<String, AttributeValue>> guardianships = new ArrayList<>();
        for (int i = 0; i < MINORS; i++) {
            String key = "majeur-" + base + "-" + i + "-" + UUID.randomUUID();
            String parentKey = "parent-" + base + "-" + i;
            keys.add(key);
            Map<String, AttributeValue> person = new HashMap<>(Map.of("personKey", s(key), "status", s("SPACE_CREATED"),
                    "sealedNir", s("x".repeat(60)), "lastName", s("Jeune"), "firstNames", s("Alex " + i),
                    "birthDate", s(Registry.CHILD_BIRTH_DATE), "department", s("31"), "street", s("12 rue des Lois"),
                    "postcode", s("31000"), "town", s("Toulouse")));
            if (i % 2 == 0) {
                person.put("email", s(address(i, suffix)));
            }
            persons.add(person);
            spaces.add(Map.of("spaceKey", s(key), "status", s("OPEN"), "createdAt", s("2026-01-10T08:00:00Z"),
                    "creation", s("SWEEP"), "version", AttributeValue.fromN("1"),
                    "legalRepresentatives", AttributeValue.fromSs(List.of(parentKey))));
            guardianships.add(Map.of("parentKey", s(parentKey), "reference", s("ref-" + i), "childKey", s(key),
                    "childFirstNames", s("Alex " + i), "childBirthDate", s(Registry.CHILD_BIRTH_DATE),
                    "agreement", s("SOLE_PARENTAL_AUTHORITY"), "attachedAt", s("2026-01-10T08:00:00Z"),
                    "majorityShard", s(DynamoDbHandovers.majorityShard(BIRTHDAY, key))));
        }
        STACK.putItems(STACK.physicalName("PersonsTable"), persons);
        STACK.putItems(STACK.physicalName("SpacesTable"), spaces);
        STACK.putItems(STACK.physicalName("GuardianshipsTable"), guardianships);
        return keys;
    }

    /** Guardianships of the day not handed over yet. */
    private static int stillDue(AwsAdapters adapters) {
        int due = 0;
        for (int shard = 0; shard < fr.espacesante.domain.campaign.Departments.SHARDS; shard++) {
            Optional<String> cursor = Optional.empty();
            do {
                var page = adapters.handovers().due(BIRTHDAY, shard, 500, cursor);
                due += page.due().size();
                cursor = page.cursor();
            } while (cursor.isPresent());
        }
        return due;
    }

    private static boolean exists(String bucket, String key) {
        return !STACK.s3().listObjectsV2(r -> r.bucket(bucket).prefix(key)).contents().isEmpty();
    }

    private static AwsAdapters adapters(MutableClock clock) {
        var env = new HashMap<>(STACK.functionEnvironment("ComingOfAgeFunction"));
        env.put("NIR_HASH_KEY", STACK.functionEnvironment("PatientSpaceFunction").get("NIR_HASH_KEY"));
        env.put("NIR_SEAL_KEY", STACK.functionEnvironment("PatientSpaceFunction").get("NIR_SEAL_KEY"));
        return new AwsAdapters(name -> Objects.requireNonNull(env.get(name), name), clock);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
