package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.domain.nir.Nir;
import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.local.support.Http;
import fr.espacesante.local.support.LocalStackSupport;
import fr.espacesante.local.support.Registry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import tools.jackson.databind.JsonNode;

/**
 * A registry file larger than one range, through the real path: S3 → splitter → SQS (ElasticMQ) →
 * workers, with workers killed at random moments and a range that fails every time.
 */
class RegistryFanOutIT {

    private static final String DEPARTMENT = "48";

    private final LocalStack stack = LocalStackSupport.shared();
    private final String bucket = stack.physicalName("ImportBucket");
    private final NirProtection protection = new NirProtection(stack.parameter("NirHashKey"), stack.parameter("NirSealKey"));

    @AfterEach
    void noMoreFaults() {
        stack.eventSources().clearFaults();
    }

    @Test
    void workers_crashing_mid_range_leave_every_person_imported_once_and_one_report() throws Exception {
        // GIVEN 9,000 lines (every 500th a bad date), cut into ranges of about 2,000 lines
        List<String> lines = new ArrayList<>();
        Set<Long> badLines = new TreeSet<>();
        for (int i = 0; i < 9_000; i++) {
            String line = Registry.line(Registry.nir(380_000 + i), "Lozerien", "Anne " + i, null, DEPARTMENT);
            if (i % 500 == 7) {
                line = line.replace(Registry.BIRTH_DATE, "14/01/1985");
                badLines.add(i + 2L);
            }
            lines.add(line);
        }
        // and workers killed at a random moment of their first 300 ms, in 7 invocations out of 10
        // (a warm worker takes about half a second per range here)
        stack.eventSources().injectFaults("PopulationImportWorkerFunction",
                new SqsEventSources.Faults(0.7, Duration.ofMillis(300), null, 7));
        long failuresBefore = stack.eventSources().failures();

        String key = "registre/eventail/lozere-" + System.nanoTime() + ".csv";
        Registry.importLines(stack, key, lines);

        // THEN the run is finished, complete, with exact counts
        long failures = stack.eventSources().failures() - failuresBefore;
        JsonNode run = Registry.run(stack, key);
        assertThat(run.get("termine").asBoolean()).isTrue();
        assertThat(run.get("plages").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(run.get("plagesImportees").asInt()).isEqualTo(run.get("plages").asInt());
        assertThat(run.get("plagesAbandonnees").asInt()).isZero();
        assertThat(List.of(run.get("lignesLues").asLong(), run.get("personnesCreees").asLong(),
                run.get("coordonneesMisesAJour").asLong(), run.get("inchangees").asLong(), run.get("rejetees").asLong()))
                .containsExactly(9_000L, 8_982L, 0L, 0L, 18L);
        assertThat(run.get("complet").asBoolean()).isTrue();
        // every person stored, none missing
        List<String> goodNirs = new ArrayList<>();
        for (int i = 0; i < 9_000; i++) {
            if (i % 500 != 7) {
                goodNirs.add(Registry.nir(380_000 + i));
            }
        }
        assertThat(storedCount(goodNirs)).isEqualTo(8_982);
        // the report, written once, numbers the rejected lines as the file does
        JsonNode report = Http.JSON.readTree(stack.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key + ".rapport.json")).asByteArray());
        Set<Long> reported = new TreeSet<>();
        report.get("rejets").forEach(r -> reported.add(r.get("ligne").asLong()));
        assertThat(reported).isEqualTo(badLines);
        int reportWrites = stack.s3().listObjectVersions(b -> b.bucket(bucket).prefix(key + ".rapport.json")).versions().size();
        assertThat(reportWrites).isEqualTo(1);
        assertThat(failures).as("crashes were injected").isGreaterThanOrEqualTo(1);
        System.out.printf("RegistryFanOutIT crashes: 9,000 lines in %d ranges; %d worker invocations killed mid-range and"
                        + " redelivered; persons stored %,d of %,d, created %,d, rejected %d; report written %d time(s)%n",
                run.get("plages").asInt(), failures, 8_982, 8_982, run.get("personnesCreees").asLong(),
                run.get("rejetees").asLong(), reportWrites);
    }

    @Test
    void a_file_deleted_before_its_ranges_are_read_ends_with_every_range_abandoned() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            lines.add(Registry.line(Registry.nir(392_000 + i), "Supprime", "Paul " + i, null, DEPARTMENT));
        }
        String key = "registre/eventail/supprime-" + System.nanoTime() + ".csv";
        // the workers held back until the file is gone: each range then fails on every receive (404 on the
        // version split), reaches the dead-letter queue, and is abandoned without its line count
        stack.eventSources().disable("PopulationImportWorkerFunction");
        try {
            Registry.importLines(stack, key, lines);
            stack.s3().deleteObject(b -> b.bucket(bucket).key(key));
        } finally {
            stack.eventSources().enable("PopulationImportWorkerFunction");
        }
        stack.awaitS3Events();

        JsonNode run = Registry.run(stack, key);
        assertThat(run.get("termine").asBoolean()).isTrue();
        assertThat(run.get("plages").asInt()).isGreaterThan(1);
        assertThat(run.get("plagesAbandonnees").asInt()).isEqualTo(run.get("plages").asInt());
        assertThat(run.get("lignesLues").asLong()).isZero();
        assertThat(run.get("complet").asBoolean()).isFalse();
    }

    @Test
    void a_range_that_fails_every_time_ends_in_the_dead_letter_queue_and_the_run_says_so() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            lines.add(Registry.line(Registry.nir(392_000 + i), "Lozerien", "Paul " + i, null, DEPARTMENT));
        }
        // the second range's message makes its worker fail, on each of its 3 receives
        stack.eventSources().injectFaults("PopulationImportWorkerFunction",
                new SqsEventSources.Faults(0, Duration.ZERO, body -> body.contains("\"plage\":1,"), 0));
        long failuresBefore = stack.eventSources().failures();

        String key = "registre/eventail/poison-" + System.nanoTime() + ".csv";
        Registry.importLines(stack, key, lines);

        JsonNode run = Registry.run(stack, key);
        assertThat(run.get("termine").asBoolean()).isTrue();
        assertThat(run.get("plagesAbandonnees").asInt()).isEqualTo(1);
        assertThat(run.get("complet").asBoolean()).isFalse();
        assertThat(run.get("erreurFichier").asString()).contains("1 plage de lignes n’a pas pu être importée");
        JsonNode report = Http.JSON.readTree(stack.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key + ".rapport.json")).asByteArray());
        JsonNode abandoned = report.get("plagesAbandonnees").get(0);
        assertThat(abandoned.get("plage").asInt()).isEqualTo(1);
        long first = abandoned.get("premiereLigne").asLong();
        long last = abandoned.get("derniereLigne").asLong();
        assertThat(report.get("lignesLues").asLong()).isEqualTo(5_000 - (last - first + 1));
        assertThat(report.get("personnesCreees").asLong()).isEqualTo(report.get("lignesLues").asLong());
        // the abandoned range's persons are not there, the others are
        assertThat(storedCount(List.of(Registry.nir(392_000 + (int) first - 2), Registry.nir(392_000 + (int) last - 2)))).isZero();
        assertThat(storedCount(List.of(Registry.nir(392_000 + (int) first - 3), Registry.nir(392_000 + (int) last - 1)))).isEqualTo(2);
        System.out.printf("RegistryFanOutIT dead letter: range 1 (lines %d–%d) failed %d times, moved to the dead-letter queue,"
                        + " reported abandoned; %,d lines of the other ranges imported%n",
                first, last, stack.eventSources().failures() - failuresBefore, report.get("lignesLues").asLong());
    }

    @Test
    void an_unclosed_quote_stops_its_range_only_and_the_run_names_the_unread_lines_as_the_file_numbers_them() throws Exception {
        // GIVEN 6,000 lines (3 ranges of about 2,000), an unclosed quote at the start of file line 3,002
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            String line = Registry.line(Registry.nir(408_000 + i), "Lozerien", "Rose " + i, null, DEPARTMENT);
            lines.add(i == 3_000 ? "\"" + line : line);
        }
        String key = "registre/eventail/guillemet-" + System.nanoTime() + ".csv";

        Registry.importLines(stack, key, lines);

        // THEN the run says which lines were not read, in the file's numbering: from 3,002 to the end of that range
        JsonNode run = Registry.run(stack, key);
        assertThat(run.get("termine").asBoolean()).isTrue();
        assertThat(run.get("complet").asBoolean()).isFalse();
        String error = run.get("erreurFichier").asString();
        var unread = java.util.regex.Pattern.compile("à partir de la ligne 3002 \\(guillemets mal fermés \\?\\) :"
                + " lignes 3002 à (\\d+) non lues").matcher(error);
        assertThat(unread.find()).as(error).isTrue();
        long last = Long.parseLong(unread.group(1));
        assertThat(last).isBetween(3_002L, 6_001L);
        assertThat(run.get("lignesLues").asLong()).isEqualTo(6_000 - (last - 3_002 + 1));
        // the ranges after it were read: the file's last person is there
        assertThat(storedCount(List.of(Registry.nir(408_000 + 5_999)))).isEqualTo(last < 6_001 ? 1 : 0);
    }

    private int storedCount(List<String> nirs) {
        String table = stack.physicalName("PersonsTable");
        int found = 0;
        for (int from = 0; from < nirs.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String nir : nirs.subList(from, Math.min(nirs.size(), from + 100))) {
                keys.add(Map.of("personKey", AttributeValue.fromS(protection.lookupKey(Nir.parse(nir)))));
            }
            Map<String, KeysAndAttributes> pending = new HashMap<>(Map.of(table,
                    KeysAndAttributes.builder().keys(keys).projectionExpression("personKey").build()));
            while (!pending.isEmpty()) {
                Map<String, KeysAndAttributes> request = pending;
                var response = stack.dynamoDb().batchGetItem(b -> b.requestItems(request));
                found += response.responses().getOrDefault(table, List.of()).size();
                pending = response.unprocessedKeys();
            }
        }
        return found;
    }
}
