package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.domain.nir.Nir;
import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.local.support.Campaigns;
import fr.espacesante.local.support.Http;
import fr.espacesante.local.support.LocalStackSupport;
import fr.espacesante.local.support.Mailbox;
import fr.espacesante.local.support.Registry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/**
 * The opt-out life of 1,000 spaces on the local stack: import → plan a wave → the scheduled sender
 * e-mails three quarters and posts letters to the rest → codes read from the captured e-mails and
 * PDFs → objections with codes and by identity (also before any notification) → 42 days later the
 * sweep creates exactly the other spaces → everything run again changes nothing.
 */
class CampaignIT {

    private static final LocalStack STACK = LocalStackSupport.shared();
    private static final String API = STACK.gatewayUrl();
    private static final int BASE = 100_000 + (int) (Math.random() * 8) * 1_200;
    private static final String SUFFIX = "." + BASE + "@campagne.example";
    private static final List<String> DEPARTMENTS = List.of("07", "23", "48");
    private static final int PERSONS = 1_000;

    private final NirProtection protection = new NirProtection(STACK.parameter("NirHashKey"), STACK.parameter("NirSealKey"));
    private final String letters = STACK.physicalName("LettersBucket");

    @Test
    void import_wave_objections_sweep_and_a_rerun_that_changes_nothing() {
        LocalDate day = Campaigns.moveToNextWorkingMorning(STACK);

        // GIVEN 1,000 persons in three départements (3 in 4 with an e-mail), and 10 elsewhere
        List<String> nirs = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < PERSONS; i++) {
            String nir = Registry.nir(BASE + i);
            nirs.add(nir);
            lines.add(Registry.line(nir, "Nom" + i, "Prénom", i % 4 == 0 ? null : "p" + i + SUFFIX, DEPARTMENTS.get(i % 3)));
        }
        List<String> elsewhere = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String nir = Registry.nir(BASE + PERSONS + i);
            elsewhere.add(nir);
            lines.add(Registry.line(nir, "Ailleurs" + i, "Prénom", null, "59"));
        }
        Registry.importLines(STACK, "registre/campagne-" + BASE + ".csv", lines);

        // WHEN an operator plans a wave for the three départements
        String operator = Http.token(API, "operator", "agent=12");
        var planned = Http.send("POST", API + "/admin/vagues", operator, "{\"departements\":[\"48\",\"07\",\"23\"],"
                + "\"debut\":\"" + day + "\",\"parJour\":100000,\"parMinute\":400}");
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        JsonNode wave = Http.json(planned);
        String waveId = wave.get("id").asString();
        assertThat(wave.get("departements")).extracting(JsonNode::asString).containsExactly("07", "23", "48");
        assertThat(wave.get("progression").get("ciblees").asLong()).isEqualTo(PERSONS);

        // AND the scheduled sender runs (400 a minute: three runs, the fourth finds nothing and completes the wave)
        for (int run = 0; run < 4; run++) {
            STACK.scheduler().trigger("EveryMinute");
        }

        // THEN 750 e-mails and 250 letters went out, one per person, each with its own code
        Map<String, List<String>> emailed = Campaigns.emailedCodes(STACK, SUFFIX);
        assertThat(emailed).hasSize(750).allSatisfy((to, codes) -> assertThat(codes).hasSize(1));
        Map<String, String> codeByNir = new HashMap<>();
        for (int i = 0; i < PERSONS; i++) {
            if (i % 4 != 0) {
                codeByNir.put(nirs.get(i), emailed.get("p" + i + SUFFIX).getFirst());
            }
        }
        List<String> letterKeys = STACK.s3().listObjectsV2Paginator(b -> b.bucket(letters).prefix("lettres/" + waveId + "/"))
                .contents().stream().map(o -> o.key()).toList();
        assertThat(letterKeys).hasSize(250);
        LocalDate deadline = day.plusDays(42);
        for (int i = 0; i < PERSONS; i += 4) {
            String key = "lettres/" + waveId + "/" + protection.lookupKey(Nir.parse(nirs.get(i))) + ".pdf";
            String text = Campaigns.pdfText(STACK.s3().getObjectAsBytes(b -> b.bucket(letters).key(key)).asByteArray());
            assertThat(text).contains("Prénom Nom" + i, DEPARTMENTS.get(i % 3) + "000 Commune",
                    fr.espacesante.domain.campaign.CampaignNotices.frenchDate(deadline));
            codeByNir.put(nirs.get(i), Campaigns.codeIn(text));
        }
        assertThat(new HashSet<>(codeByNir.values())).hasSize(PERSONS).allMatch(c -> Campaigns.CODE.matcher(c).matches());
        List<String> manifests = STACK.s3().listObjectsV2Paginator(b -> b.bucket(letters).prefix("manifestes/" + waveId + "/"))
                .contents().stream().map(o -> o.key()).toList();
        long manifestLines = manifests.stream().mapToLong(k -> STACK.s3().getObjectAsBytes(b -> b.bucket(letters).key(k))
                .asUtf8String().lines().count() - 1).sum();
        assertThat(manifestLines).as("every letter in exactly one manifest").isEqualTo(250);
        JsonNode progress = wave(operator, waveId);
        assertThat(progress.get("statut").asString()).isEqualTo("COMPLETED");
        assertThat(progress.get("progression").get("envoyeesParEmail").asLong()).isEqualTo(750);
        assertThat(progress.get("progression").get("envoyeesParCourrier").asLong()).isEqualTo(250);

        // WHEN 60 object with their code (40 from e-mails, 20 from letters), 20 by identity after being
        // notified, 5 by identity before any notification; one activates with their code
        Set<String> objected = new HashSet<>();
        Map<String, String> references = new HashMap<>();
        int byEmailCode = 0;
        int byLetterCode = 0;
        for (int i = 0; i < PERSONS && (byEmailCode < 40 || byLetterCode < 20); i += 7) {
            boolean letter = i % 4 == 0;
            if (letter ? byLetterCode >= 20 : byEmailCode >= 40) {
                continue;
            }
            var response = Http.send("POST", API + "/opposition/code", null,
                    "{\"code\":\"" + codeByNir.get(nirs.get(i)).toLowerCase() + "\"}");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            references.put(nirs.get(i), Http.json(response).get("reference").asString());
            objected.add(nirs.get(i));
            if (letter) {
                byLetterCode++;
            } else {
                byEmailCode++;
            }
        }
        for (int i = 3; objected.size() < 80; i += 11) {
            if (objected.contains(nirs.get(i))) {
                continue;
            }
            var response = Http.send("POST", API + "/opposition/identite", null, identity(nirs.get(i), "NOM" + i));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            references.put(nirs.get(i), Http.json(response).get("reference").asString());
            objected.add(nirs.get(i));
        }
        for (String nir : elsewhere.subList(0, 5)) {
            assertThat(Http.send("POST", API + "/opposition/identite", null,
                    identity(nir, "ailleurs" + elsewhere.indexOf(nir))).statusCode()).isEqualTo(201);
        }
        assertThat(Mailbox.to(STACK, "p7" + SUFFIX)).as("confirmation of an e-mail objector (i = 7)")
                .anySatisfy(m -> assertThat(m.get("subject").asString()).isEqualTo("Votre opposition est enregistrée"));
        assertThat(Http.json(Http.send("POST", API + "/opposition/code", null, "{\"code\":\"AAAAA-BBBBB\"}"))
                .get("code").asString()).isEqualTo("IDENTITE_NON_RECONNUE");
        String activator = nirs.stream().filter(n -> !objected.contains(n)).findFirst().orElseThrow();
        String patient = Http.token(API, "patient", "sujet=citoyen-" + UUID.randomUUID());
        var activation = Http.send("POST", API + "/espace/activation", patient,
                "{\"code\":\"" + codeByNir.get(activator) + "\"}");
        assertThat(activation.statusCode()).as(activation.body()).isEqualTo(200);

        // AND 43 days pass: the nightly sweep runs
        STACK.scheduler().advance(Duration.ofDays(43));
        STACK.scheduler().trigger("Nightly");

        // THEN a space exists for exactly the 920 who did not object, none for the objectors or the others
        assertThat(nirs).allSatisfy(nir -> assertThat(hasSpace(nir)).as("space").isEqualTo(!objected.contains(nir)));
        assertThat(elsewhere).noneMatch(this::hasSpace);
        assertThat(elsewhere.subList(0, 5)).allSatisfy(nir -> assertThat(status(nir)).isEqualTo("OBJECTED"));
        progress = wave(operator, waveId).get("progression");
        assertThat(progress.get("oppositions").asLong()).isEqualTo(80);
        assertThat(progress.get("espacesCrees").asLong()).as("the activated one was created at activation").isEqualTo(919);
        // codes expire with the deadline
        String lateCode = codeByNir.get(nirs.stream().filter(n -> !objected.contains(n)).skip(1).findFirst().orElseThrow());
        assertThat(Http.send("POST", API + "/opposition/code", null, "{\"code\":\"" + lateCode + "\"}").statusCode())
                .isEqualTo(400);

        // WHEN everything runs again
        int mails = Campaigns.emailedCodes(STACK, SUFFIX).values().stream().mapToInt(List::size).sum();
        for (int run = 0; run < 2; run++) {
            STACK.scheduler().trigger("EveryMinute");
            STACK.scheduler().trigger("Nightly");
        }
        String again = nirs.stream().filter(references::containsKey).findFirst().orElseThrow();
        var repeated = Http.send("POST", API + "/opposition/identite", null, identity(again, "Nom" + nirs.indexOf(again)));

        // THEN nothing changes
        assertThat(repeated.statusCode()).isEqualTo(200);
        assertThat(Http.json(repeated).get("reference").asString()).isEqualTo(references.get(again));
        assertThat(Campaigns.emailedCodes(STACK, SUFFIX).values().stream().mapToInt(List::size).sum()).isEqualTo(mails);
        assertThat(STACK.s3().listObjectsV2Paginator(b -> b.bucket(letters).prefix("lettres/" + waveId + "/"))
                .contents().stream().count()).isEqualTo(250);
        assertThat(wave(operator, waveId).get("progression")).isEqualTo(progress);
        assertThat(nirs).allSatisfy(nir -> assertThat(hasSpace(nir)).isEqualTo(!objected.contains(nir)));
    }

    private static String identity(String nir, String birthName) {
        return "{\"ins\":\"" + nir + "\",\"dateNaissance\":\"" + Registry.BIRTH_DATE + "\",\"nomNaissance\":\"" + birthName + "\"}";
    }

    private JsonNode wave(String operator, String waveId) {
        return Http.json(Http.get(API + "/admin/vagues/" + waveId, operator));
    }

    private boolean hasSpace(String nir) {
        return STACK.dynamoDb().getItem(b -> b.tableName(STACK.physicalName("SpacesTable"))
                .key(Map.of("spaceKey", AttributeValue.fromS(protection.lookupKey(Nir.parse(nir)))))).hasItem();
    }

    private String status(String nir) {
        return STACK.dynamoDb().getItem(b -> b.tableName(STACK.physicalName("PersonsTable"))
                .key(Map.of("personKey", AttributeValue.fromS(protection.lookupKey(Nir.parse(nir)))))).item()
                .get("status").s();
    }
}
