package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.espacesante.aws.AwsAdapters;
import fr.espacesante.domain.lifecycle.RetentionPurge;
import fr.espacesante.domain.lifecycle.port.out.SpaceErasure;
import fr.espacesante.domain.nir.Nir;
import fr.espacesante.local.support.Campaigns;
import fr.espacesante.local.support.Http;
import fr.espacesante.local.support.LocalStackSupport;
import fr.espacesante.local.support.Mailbox;
import fr.espacesante.local.support.Registry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/**
 * Closure, reopening and deletion as a patient and professionals meet them through the gateway, and
 * the proof that a deletion leaves nothing: every table read whole and every object version of every
 * bucket listed (in the test only) finds no item and no object carrying the person's key, beyond the
 * tombstone on their registry entry.
 */
class SpaceLifecycleIT {

    private static final LocalStack STACK = LocalStackSupport.shared();
    private static final String API = STACK.gatewayUrl();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final int BASE = 520_000 + (int) (Math.random() * 50_000);
    private static final String CLOSING_NIR = Registry.nir(BASE);
    private static final String DELETING_NIR = Registry.nir(BASE + 1);
    private static final String CAREGIVER_NIR = Registry.nir(BASE + 2);
    private static final String CAREGIVER_EMAIL = "aidant." + BASE + "@example.fr";
    private static final String EMAIL = "fermeture." + BASE + "@example.fr";
    private static final String DOCTOR = "10500000001";
    private static final String LAB = "10500000002";

    @BeforeAll
    static void registry() {
        Registry.importLines(STACK, "registre/cycle-" + BASE + ".csv", List.of(
                Registry.line(CLOSING_NIR, "Fermeture", "Inès", EMAIL),
                Registry.line(DELETING_NIR, "Suppression", "Marc", null),
                Registry.line(CAREGIVER_NIR, "Soutien", "Sam", CAREGIVER_EMAIL)));
    }

    @Test
    void a_closed_space_is_closed_to_professionals_and_reopens_with_everything() throws Exception {
        String patient = activated(CLOSING_NIR, "Fermeture");
        assertThat(Http.send("PUT", API + "/espace/medecin-traitant", patient, "{\"rpps\":\"" + DOCTOR + "\"}").statusCode())
                .isEqualTo(200);
        String document = deposit(DOCTOR, CLOSING_NIR);

        // WHEN the patient closes the space
        var closed = Http.send("POST", API + "/espace/cloture", patient, "{}");

        // THEN it is closed, kept 10 years, confirmed by e-mail; professionals and reads are refused
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        LocalDate today = LocalDate.now(fr.espacesante.aws.time.ServiceClock.utc().withZone(ZoneId.of("Europe/Paris")));
        assertThat(Http.json(closed).get("statut").asString()).isEqualTo("CLOSED");
        assertThat(Http.json(closed).get("suppressionLe").asString()).isEqualTo(today.plusYears(10).toString());
        assertThat(Mailbox.to(STACK, EMAIL)).anySatisfy(m -> assertThat(m.get("subject").asString())
                .isEqualTo("Votre espace santé est fermé"));
        var opening = Http.send("POST", API + "/pro/patients/ouverture", pro(DOCTOR), "{\"ins\":\"" + CLOSING_NIR + "\"}");
        assertThat(opening.statusCode()).isEqualTo(403);
        assertThat(Http.json(opening).get("code").asString()).isEqualTo("ESPACE_FERME");
        var depositRefused = Http.send("POST", API + "/pro/documents", pro(DOCTOR), depositBody(CLOSING_NIR, 40));
        assertThat(Http.json(depositRefused).get("code").asString()).isEqualTo("ESPACE_FERME");
        assertThat(Http.json(Http.get(API + "/espace/documents", patient)).get("code").asString()).isEqualTo("ESPACE_FERME");
        assertThat(Http.json(Http.get(API + "/espace", patient)).get("statut").asString()).isEqualTo("CLOSED");
        // Closing twice, reopening twice, objecting to an existing space: clear 4xx, nothing changed.
        assertThat(Http.json(Http.send("POST", API + "/espace/cloture", patient, "{}")).get("code").asString())
                .isEqualTo("ESPACE_DEJA_FERME");
        var objection = Http.post(API + "/opposition/identite", "{\"ins\":\"" + CLOSING_NIR + "\",\"dateNaissance\":\""
                + Registry.BIRTH_DATE + "\",\"nomNaissance\":\"Fermeture\"}");
        assertThat(objection.statusCode()).as(objection.body()).isEqualTo(409);
        assertThat(Http.json(objection).get("message").asString()).contains("fermer");

        // WHEN the patient reopens it, everything is back: the treating doctor and the document
        var reopened = Http.send("POST", API + "/espace/reouverture", patient, "{}");
        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
        assertThat(Http.json(reopened).get("statut").asString()).isEqualTo("OPEN");
        assertThat(Http.send("POST", API + "/pro/patients/ouverture", pro(DOCTOR), "{\"ins\":\"" + CLOSING_NIR + "\"}")
                .statusCode()).isEqualTo(200);
        assertThat(Http.get(API + "/espace/documents", patient).body()).contains(document);
        assertThat(Http.json(Http.send("POST", API + "/espace/reouverture", patient, "{}")).get("code").asString())
                .isEqualTo("ESPACE_OUVERT");
        JsonNode history = Http.json(Http.get(API + "/espace/historique?limite=100", patient));
        List<String> elements = new ArrayList<>();
        history.get("acces").forEach(e -> elements.add(e.get("element").asString() + "/" + e.get("regle").asString()));
        assertThat(elements).contains("cloture/titulaire", "reouverture/titulaire", "espace/espace-ferme");
    }

    @Test
    void a_deletion_leaves_no_item_and_no_object_version_even_when_a_purge_run_crashes() throws Exception {
        String patient = activated(DELETING_NIR, "Suppression");
        String personKey = adapters("PatientSpaceFunction").nirProtection().lookupKey(Nir.parse(DELETING_NIR));
        assertThat(Http.send("PUT", API + "/espace/medecin-traitant", patient, "{\"rpps\":\"" + DOCTOR + "\"}").statusCode())
                .isEqualTo(200);
        assertThat(Http.send("POST", API + "/pro/patients/consentement", pro(LAB), "{\"ins\":\"" + DELETING_NIR + "\"}")
                .statusCode()).isEqualTo(201);
        assertThat(Http.send("PUT", API + "/espace/professionnels-bloques/10500000009", patient, null).statusCode())
                .isEqualTo(200);
        deposit(DOCTOR, DELETING_NIR);
        deposit(LAB, DELETING_NIR);
        // A conversation with the treating doctor: the patient's copy and the doctor's go with the space
        assertThat(Http.send("POST", API + "/pro/messages", pro(DOCTOR), "{\"ins\":\"" + DELETING_NIR
                + "\",\"sujet\":\"Suivi\",\"texte\":\"Bonjour\"}").statusCode()).isEqualTo(201);
        // An agenda entry with its reminder still due
        assertThat(Http.send("POST", API + "/espace/agenda", patient, "{\"type\":\"RENDEZ_VOUS\",\"titre\":\"Dr Suivi\","
                + "\"date\":\"2030-01-15\",\"heure\":\"10:30\"}").statusCode()).isEqualTo(201);
        // A caregiver helps them: the designation, its proof and the caregiver's count go with the space
        assertThat(Http.send("POST", API + "/espace/aidants", patient, "{\"nom\":\"Soutien\",\"prenoms\":\"Sam\","
                + "\"email\":\"" + CAREGIVER_EMAIL + "\"}").statusCode()).isEqualTo(201);
        String caregiver = activated(CAREGIVER_NIR, "Soutien");
        String invitationCode = Campaigns.emailedCodes(STACK, CAREGIVER_EMAIL,
                fr.espacesante.domain.caregiver.CaregiverNotices.INVITATION_SUBJECT).get(CAREGIVER_EMAIL).getLast();
        assertThat(Http.send("POST", API + "/espace/aides", caregiver, "{\"code\":\"" + invitationCode + "\"}").statusCode())
                .isEqualTo(201);
        // The intake copies each checked upload and deletes the upload key: the versioned bucket now holds
        // noncurrent versions and delete markers, which the purge must erase too.
        var before = versionsUnder(personKey);
        assertThat(before.markers()).isPositive();
        assertThat(before.versions()).isGreaterThanOrEqualTo(4);
        assertThat(carrying(personKey)).isGreaterThan(5);

        // Deletion needs the typed confirmation, then is definitive
        // An upload URL granted just before the deletion, used only after the purge (below)
        byte[] lateBytes = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        var lateGrant = Http.json(Http.send("POST", API + "/pro/documents", pro(DOCTOR), depositBody(DELETING_NIR, lateBytes.length)));
        var unconfirmed = Http.send("POST", API + "/espace/suppression", patient, "{\"confirmation\":\"oui\"}");
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(Http.json(unconfirmed).get("code").asString()).isEqualTo("CONFIRMATION_REQUISE");
        int lettersBefore = letters("courriers/").size();
        var asked = Http.send("POST", API + "/espace/suppression", patient, "{\"confirmation\":\"SUPPRIMER\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        assertThat(Http.json(asked).get("statut").asString()).isEqualTo("DELETION_REQUESTED");
        // No e-mail address: the confirmation is a letter
        List<String> letters = letters("courriers/");
        assertThat(letters).hasSize(lettersBefore + 1);
        assertThat(letters.stream().map(SpaceLifecycleIT::letterText))
                .anySatisfy(text -> assertThat(text).contains("Suppression de votre espace santé").contains("Marc Suppression"));
        assertThat(Http.json(Http.send("POST", API + "/espace/suppression", patient, "{\"confirmation\":\"SUPPRIMER\"}"))
                .get("code").asString()).isEqualTo("SUPPRESSION_DEJA_DEMANDEE");
        assertThat(Http.json(Http.send("POST", API + "/espace/reouverture", patient, "{}")).get("code").asString())
                .isEqualTo("SUPPRESSION_EN_COURS");

        // A purge run crashes after its claim, a second one crashes midway through the erasure...
        AwsAdapters adapters = adapters("SpacePurgeFunction");
        SpaceErasure real = adapters.spaceErasure();
        assertThatThrownBy(() -> new RetentionPurge(adapters.purgeSchedule(), key -> {
            throw new IllegalStateException("arrêt brutal avant l'effacement");
        }, fr.espacesante.aws.time.ServiceClock.utc()).purge()).hasMessageContaining("arrêt brutal");
        assertThat(Http.json(Http.get(API + "/espace", patient)).get("statut").asString()).isEqualTo("PURGING");
        assertThatThrownBy(() -> new RetentionPurge(adapters.purgeSchedule(), key -> {
            real.erase(key);
            throw new IllegalStateException("arrêt brutal après l'effacement");
        }, fr.espacesante.aws.time.ServiceClock.utc()).purge()).hasMessageContaining("arrêt brutal");
        // The erasure removed the login's link: the login is already a stranger to the space.
        assertThat(Http.json(Http.send("POST", API + "/espace/reouverture", patient, "{}")).get("code").asString())
                .isEqualTo("ESPACE_NON_ACTIVE");

        // ... and the scheduled run finishes it; a second run has nothing left to do
        JsonNode report = Http.JSON.readTree(STACK.scheduler().trigger("HourlyPurge"));
        assertThat(report.get("espacesSupprimes").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(Http.JSON.readTree(STACK.scheduler().trigger("HourlyPurge")).get("espacesSupprimes").asInt()).isZero();

        // The late upload lands after the purge: the intake erases it, every version
        JsonNode late = lateGrant.get("televersement");
        HttpRequest.Builder latePut = HttpRequest.newBuilder(URI.create(late.get("url").asString()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(lateBytes));
        late.get("entetes").properties().forEach(h -> latePut.header(h.getKey(), h.getValue().asString()));
        assertThat(CLIENT.send(latePut.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        STACK.awaitS3Events();

        // THEN nothing carries the person's key but the tombstone, and no object version is left
        var after = versionsUnder(personKey);
        int items = carrying(personKey);
        System.out.printf("SpaceLifecycleIT deletion proof: before %d object versions + %d delete markers; after %d + %d;"
                        + " items carrying the key after: %d (the tombstone)%n", before.versions(), before.markers(),
                after.versions(), after.markers(), items);
        assertThat(after.versions() + after.markers()).isZero();
        assertThat(items).isEqualTo(1);
        var tombstone = STACK.dynamoDb().getItem(r -> r.tableName(STACK.physicalName("PersonsTable"))
                .key(Map.of("personKey", AttributeValue.fromS(personKey)))).item();
        assertThat(tombstone.get("status").s()).isEqualTo("SPACE_DELETED");
        assertThat(tombstone).containsKey("spaceDeletedAt").doesNotContainKeys("linkedSubject", "spaceCreatedAt");

        // The login is a stranger again: deleting twice is refused; activating again gives a new, empty space
        assertThat(Http.json(Http.send("POST", API + "/espace/suppression", patient, "{\"confirmation\":\"SUPPRIMER\"}"))
                .get("code").asString()).isEqualTo("ESPACE_NON_ACTIVE");
        var again = Http.send("POST", API + "/espace/activation", patient, activation(DELETING_NIR, "Suppression"));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(Http.json(Http.get(API + "/espace/documents", patient)).get("documents")).isEmpty();
        assertThat(Http.json(Http.get(API + "/espace/acces", patient)).get("professionnels")).isEmpty();
        assertThat(Http.json(Http.get(API + "/espace/aides", caregiver)).get("aides")).isEmpty();
    }

    private record Versions(int versions, int markers) {
    }

    /** Every object version and delete marker whose key names the space, in every bucket of the stack. */
    private static Versions versionsUnder(String personKey) {
        int versions = 0;
        int markers = 0;
        for (String bucket : STACK.buckets()) {
            for (var page : STACK.s3().listObjectVersionsPaginator(r -> r.bucket(bucket))) {
                versions += (int) page.versions().stream().filter(v -> v.key().contains(personKey)).count();
                markers += (int) page.deleteMarkers().stream().filter(m -> m.key().contains(personKey)).count();
            }
        }
        return new Versions(versions, markers);
    }

    /** Items of every table of the stack with any attribute value carrying the key, read whole. */
    private static int carrying(String personKey) {
        int found = 0;
        for (String table : STACK.tables()) {
            for (var page : STACK.dynamoDb().scanPaginator(r -> r.tableName(table).consistentRead(true))) {
                found += (int) page.items().stream().filter(item -> item.values().stream()
                        .anyMatch(v -> String.valueOf(v).contains(personKey))).count();
            }
        }
        return found;
    }

    private static List<String> letters(String prefix) {
        List<String> keys = new ArrayList<>();
        STACK.s3().listObjectsV2Paginator(r -> r.bucket(STACK.physicalName("LettersBucket")).prefix(prefix))
                .contents().forEach(o -> keys.add(o.key()));
        return keys;
    }

    private static String letterText(String key) {
        return Campaigns.pdfText(STACK.s3().getObjectAsBytes(r -> r.bucket(STACK.physicalName("LettersBucket")).key(key))
                .asByteArray());
    }

    private static String activated(String nir, String birthName) {
        String token = Http.token(API, "patient", "sujet=citoyen-" + UUID.randomUUID());
        var response = Http.send("POST", API + "/espace/activation", token, activation(nir, birthName));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return token;
    }

    private static String activation(String nir, String birthName) {
        return "{\"ins\":\"" + nir + "\",\"dateNaissance\":\"" + Registry.BIRTH_DATE + "\",\"nomNaissance\":\"" + birthName + "\"}";
    }

    /** A professional deposits a PDF through the pre-signed URL; returns its id once the intake checked it. */
    private static String deposit(String rpps, String nir) throws Exception {
        byte[] pdf = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        var response = Http.send("POST", API + "/pro/documents", pro(rpps), depositBody(nir, pdf.length));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode grant = Http.json(response);
        JsonNode upload = grant.get("televersement");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.get("url").asString()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf));
        upload.get("entetes").properties().forEach(h -> put.header(h.getKey(), h.getValue().asString()));
        assertThat(CLIENT.send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        STACK.awaitS3Events();
        return grant.get("document").get("id").asString();
    }

    private static String depositBody(String nir, long size) {
        return "{\"ins\":\"" + nir + "\",\"categorie\":\"biologie\",\"codeLoinc\":\"11502-2\",\"dateSoins\":\"2026-11-20\","
                + "\"titre\":\"Bilan sanguin\",\"typeContenu\":\"application/pdf\",\"taille\":" + size
                + ",\"retenuJusquAnnonce\":false,\"masqueAuxRepresentants\":false}";
    }

    private static String pro(String rpps) {
        return Http.token(API, "professional", "rpps=" + rpps + "&profession=medecin");
    }

    private static AwsAdapters adapters(String function) {
        var env = STACK.functionEnvironment(function);
        return new AwsAdapters(name -> Objects.requireNonNull(env.get(name), name), fr.espacesante.aws.time.ServiceClock.utc());
    }
}
