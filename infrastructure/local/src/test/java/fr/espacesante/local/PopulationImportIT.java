package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.domain.nir.Nir;
import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.local.support.LocalStackSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The import through the local stack: a file put into the bucket → the S3 event → the function. */
class PopulationImportIT {

    private static final Path SAMPLE = LocalStackSupport.projectRoot()
            .resolve("events/population-import/population-sample.csv");

    private final LocalStack stack = LocalStackSupport.shared();
    private final String bucket = stack.physicalName("ImportBucket");
    private final String persons = stack.physicalName("PersonsTable");
    private final NirProtection protection = new NirProtection(stack.parameter("NirHashKey"), stack.parameter("NirSealKey"));

    @Test
    void imports_ten_persons_reports_five_rejections_and_a_second_drop_changes_nothing() throws IOException {
        List<String> lines = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8);
        List<String> goodNirs = List.of(2, 3, 5, 6, 8, 10, 11, 13, 15, 16).stream()
                .map(i -> lines.get(i - 1).split(";")[0]).toList();

        // WHEN the registry drops the sample file
        JsonNode first = drop("registre/2026-11-22/echantillon.csv", Files.readAllBytes(SAMPLE));

        // THEN 10 persons are imported and the 5 bad lines are reported with their reasons
        assertThat(counts(first)).containsExactly(15L, 10L, 0L, 0L, 5L);
        assertThat(first.get("complet").asBoolean()).isTrue();
        Map<Long, String> rejections = rejections(first);
        assertThat(rejections).containsOnlyKeys(4L, 7L, 9L, 12L, 14L);
        assertThat(rejections.get(4L)).isEqualTo("NIR invalide : la clé de contrôle ne correspond pas");
        assertThat(rejections.get(7L)).isEqualTo("date de naissance invalide : format AAAA-MM-JJ attendu");
        assertThat(rejections.get(9L)).isEqualTo("département « 96 » inconnu");
        assertThat(rejections.get(12L)).isEqualTo("prénoms absent");
        assertThat(rejections.get(14L)).isEqualTo("date de naissance incohérente avec le NIR (année)");
        Map<String, Map<String, AttributeValue>> stored = new HashMap<>();
        for (String nir : goodNirs) {
            var item = person(nir);
            assertThat(item).as("person stored under the keyed hash").isNotEmpty();
            assertThat(item.get("status").s()).isEqualTo("IMPORTED");
            assertThat(item.toString()).doesNotContain(nir);
            assertThat(protection.open(item.get("sealedNir").s(), item.get("personKey").s()).digits()).isEqualTo(nir);
            stored.put(nir, item);
        }

        // WHEN the same file is dropped again
        JsonNode second = drop("registre/2026-11-22/echantillon-bis.csv", Files.readAllBytes(SAMPLE));

        // THEN nothing changes
        assertThat(counts(second)).containsExactly(15L, 0L, 0L, 10L, 5L);
        for (String nir : goodNirs) {
            assertThat(person(nir)).isEqualTo(stored.get(nir));
        }

        // WHEN a later file moves one person
        String moved = lines.get(0) + "\n" + lines.get(2).replace("91 rue de la République;44600;Saint-Nazaire",
                "3 quai de la Fosse;44000;Nantes") + "\n";
        JsonNode third = drop("registre/2026-11-29/demenagement.csv", moved.getBytes(StandardCharsets.UTF_8));

        // THEN only that person's contact details change
        assertThat(counts(third)).containsExactly(1L, 0L, 1L, 0L, 0L);
        var after = person(goodNirs.get(1));
        var before = stored.get(goodNirs.get(1));
        assertThat(after.get("town").s()).isEqualTo("Nantes");
        assertThat(after.get("street").s()).isEqualTo("3 quai de la Fosse");
        for (String unchanged : List.of("status", "sealedNir", "lastName", "firstNames", "birthDate", "importedAt", "email")) {
            assertThat(after.get(unchanged)).as(unchanged).isEqualTo(before.get(unchanged));
        }
    }

    @Test
    void a_file_without_the_expected_header_is_reported_and_imports_nothing() {
        JsonNode report = drop("registre/mauvais-entete.csv",
                "numero;nom\n185057800608491;Dupont\n".getBytes(StandardCharsets.UTF_8));

        assertThat(report.get("complet").asBoolean()).isFalse();
        assertThat(report.get("erreurFichier").asString()).startsWith("en-tête invalide (colonnes manquantes : nir, prenoms");
        assertThat(report.get("personnesCreees").asLong()).isZero();
    }

    private JsonNode drop(String key, byte[] content) {
        stack.s3().putObject(b -> b.bucket(bucket).key(key).contentType("text/csv"), RequestBody.fromBytes(content));
        stack.awaitS3Events();
        byte[] report = stack.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key + ".rapport.json")).asByteArray();
        return JsonMapper.builder().build().readTree(report);
    }

    private Map<String, AttributeValue> person(String nir) {
        String key = protection.lookupKey(Nir.parse(nir));
        return stack.dynamoDb().getItem(b -> b.tableName(persons).key(Map.of("personKey", AttributeValue.fromS(key))))
                .item();
    }

    private static List<Long> counts(JsonNode report) {
        return List.of(report.get("lignesLues").asLong(), report.get("personnesCreees").asLong(),
                report.get("coordonneesMisesAJour").asLong(), report.get("inchangees").asLong(),
                report.get("rejetees").asLong());
    }

    private static Map<Long, String> rejections(JsonNode report) {
        Map<Long, String> out = new HashMap<>();
        List<JsonNode> items = new ArrayList<>();
        report.get("rejets").forEach(items::add);
        items.forEach(r -> out.put(r.get("ligne").asLong(), r.get("motif").asString()));
        return out;
    }
}
