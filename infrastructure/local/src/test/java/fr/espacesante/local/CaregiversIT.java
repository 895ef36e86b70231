package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.aws.AwsAdapters;
import fr.espacesante.domain.caregiver.CaregiverNotices;
import fr.espacesante.domain.caregiver.Invitation;
import fr.espacesante.domain.nir.Nir;
import fr.espacesante.local.support.Campaigns;
import fr.espacesante.local.support.Http;
import fr.espacesante.local.support.LocalStackSupport;
import fr.espacesante.local.support.Registry;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
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
 * Caregivers (« aidants ») through the gateway: invitation by e-mail, acceptance with one's own
 * identity, what a caregiver may and may not do in the helped person's space, every refusal a clear
 * 4xx with nothing changed, revocation effective at once.
 */
class CaregiversIT {

    private static final LocalStack STACK = LocalStackSupport.shared();
    private static final String API = STACK.gatewayUrl();
    private static final int BASE = 580_000 + (int) (Math.random() * 50_000);
    private static final String SUFFIX = ".aid" + BASE + "@aidants.example";
    private static final String PATIENT = Registry.nir(BASE);
    private static final String HELPER = Registry.nir(BASE + 1);
    private static final String OTHER = Registry.nir(BASE + 2);
    private static final String MINOR = Registry.childNir(BASE);

    @BeforeAll
    static void registry() {
        Registry.importLines(STACK, "registre/aidants-" + BASE + ".csv", List.of(
                Registry.line(PATIENT, "Aidée", "Paulette", "paulette" + SUFFIX),
                Registry.line(HELPER, "Aidant", "Hugo", "hugo" + SUFFIX),
                Registry.line(OTHER, "Autrui", "Olga", "olga" + SUFFIX),
                Registry.childLine(MINOR, "Jeunot", "Lou")));
    }

    @Test
    void a_caregiver_named_by_the_patient_reads_and_adds_documents_and_nothing_more() throws Exception {
        String patient = activated(PATIENT, "Aidée", Registry.BIRTH_DATE);
        String helper = login();

        // The patient invites; the code goes to the invited address only
        var invited = invite(patient, "Aidant", "hugo" + SUFFIX);
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        assertThat(invited.body()).doesNotContainPattern(Campaigns.CODE.pattern());
        String code = lastCode("hugo" + SUFFIX);

        // Accepting needs one's own activated identity
        assertThat(code(accept(helper, code))).isEqualTo("ESPACE_NON_ACTIVE");
        assertThat(Http.send("POST", API + "/espace/activation", helper, activation(HELPER, "Aidant", Registry.BIRTH_DATE))
                .statusCode()).isEqualTo(200);
        // The patient's own login cannot accept it: not addressed to them
        assertThat(code(accept(patient, code))).isEqualTo("INVITATION_INVALIDE");
        var accepted = accept(helper, code);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        String reference = Http.json(accepted).get("reference").asString();
        assertThat(Http.json(accepted).get("nom").asString()).isEqualTo("Paulette Aidée");
        assertThat(code(accept(helper, code))).isEqualTo("INVITATION_INVALIDE");
        assertThat(Http.json(Http.get(API + "/espace/aidants", patient)).get("aidants").get(0).get("nom").asString())
                .isEqualTo("Hugo Aidant");

        // The caregiver reads the patient's documents — the proof of designation is among them — and adds one
        String aide = "?aide=" + reference;
        JsonNode documents = Http.json(Http.get(API + "/espace/documents" + aide, helper)).get("documents");
        assertThat(documents.toString()).contains("Attestation de désignation d'un aidant — Hugo Aidant");
        String proof = documents.get(0).get("id").asString();
        assertThat(Http.get(API + "/espace/documents/" + proof + "/telechargement" + aide, helper).statusCode()).isEqualTo(200);
        var added = Http.send("POST", API + "/espace/documents" + aide, helper, "{\"categorie\":\"document-patient\","
                + "\"dateSoins\":\"2026-11-20\",\"titre\":\"Mesures de tension\",\"typeContenu\":\"text/plain\",\"taille\":12}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);

        // ... answers the patient's messages, each signed as written by the caregiver
        String doctor = Http.token(API, "professional", "rpps=10700000009&profession=medecin");
        String conversation = Http.json(Http.send("POST", API + "/pro/messages", doctor, "{\"ins\":\"" + PATIENT
                + "\",\"sujet\":\"Rendez-vous\",\"texte\":\"Pouvez-vous confirmer ?\"}")).get("conversation").get("id").asString();
        assertThat(Http.send("POST", API + "/espace/messages/" + conversation + aide, helper, "{\"texte\":\"Confirmé.\"}")
                .statusCode()).isEqualTo(201);
        assertThat(Http.json(Http.get(API + "/pro/messages/" + conversation, doctor)).get("messages").get(0).get("signature")
                .asString()).isEqualTo("rédigé par Hugo Aidant, aidant de Paulette Aidée");

        // ... and nothing more: each refusal is the policy's, recorded, and changes nothing
        List<String> refused = new ArrayList<>();
        for (String[] call : new String[][] {
                {"PUT", "/espace/documents/" + proof + "/masquage", "{\"masque\":true}"},
                {"DELETE", "/espace/documents/" + proof, null},
                {"PUT", "/espace/medecin-traitant", "{\"rpps\":\"10700000001\"}"},
                {"PUT", "/espace/professionnels-bloques/10700000002", null},
                {"DELETE", "/espace/consentements/10700000003", null},
                {"PUT", "/espace/acces-urgence", "{\"actif\":false}"},
                {"GET", "/espace/acces", null},
                {"GET", "/espace/historique", null},
                {"POST", "/espace/cloture", "{}"},
                {"POST", "/espace/suppression", "{\"confirmation\":\"SUPPRIMER\"}"},
                {"POST", "/espace/aidants", "{\"nom\":\"Autrui\",\"prenoms\":\"Olga\",\"email\":\"olga" + SUFFIX + "\"}"},
                {"GET", "/espace/aidants", null}}) {
            var answer = Http.send(call[0], API + call[1] + aide, helper, call[2]);
            assertThat(answer.statusCode()).as(call[0] + " " + call[1]).isEqualTo(403);
            refused.add(Http.json(answer).get("regle").asString());
        }
        assertThat(refused).containsOnly("hors-role-aidant");
        JsonNode space = Http.json(Http.get(API + "/espace", patient));
        assertThat(space.get("statut").asString()).isEqualTo("OPEN");
        assertThat(space.get("medecinTraitant").isNull()).isTrue();
        assertThat(space.get("accesUrgence").asBoolean()).isTrue();

        // Everything the caregiver did is in the patient's history under the caregiver's name
        JsonNode history = Http.json(Http.get(API + "/espace/historique?limite=100", patient)).get("acces");
        List<String> byCaregiver = new ArrayList<>();
        history.forEach(e -> {
            if (e.get("acteur").get("type").asString().equals("AIDANT")) {
                assertThat(e.get("acteur").get("nom").asString()).isEqualTo("Hugo Aidant");
                byCaregiver.add(e.get("element").asString() + "/" + e.get("regle").asString());
            }
        });
        assertThat(byCaregiver).contains("acceptation/aidant", "liste-documents/aidant", proof + "/aidant",
                "medecin-traitant/hors-role-aidant", "cloture/hors-role-aidant");

        // Revocation by the patient is effective at once
        assertThat(Http.send("DELETE", API + "/espace/aidants/" + reference, patient, null).statusCode()).isEqualTo(200);
        assertThat(code(Http.get(API + "/espace/documents" + aide, helper))).isEqualTo("AIDANT_INCONNU");
        assertThat(Http.json(Http.get(API + "/espace/aides", helper)).get("aides")).isEmpty();
    }

    @Test
    void refused_invitations_and_limits_change_nothing() throws Exception {
        int base = BASE + 10;
        String patientNir = Registry.nir(base);
        Registry.importLines(STACK, "registre/aidants-limites-" + base + ".csv", List.of(
                Registry.line(patientNir, "Limite", "Lina", "lina" + SUFFIX)));
        String patient = activated(patientNir, "Limite", Registry.BIRTH_DATE);
        AwsAdapters adapters = adapters();
        String patientKey = adapters.nirProtection().lookupKey(Nir.parse(patientNir));

        // Inviting oneself: the patient's own login is refused
        assertThat(invite(patient, "Limite", "lina" + SUFFIX).statusCode()).isEqualTo(201);
        assertThat(code(accept(patient, lastCode("lina" + SUFFIX)))).isEqualTo("AIDANT_SOI_MEME");
        // A revoked invitation
        var toOlga = Http.json(invite(patient, "Autrui", "olga" + SUFFIX));
        String olgaCode = lastCode("olga" + SUFFIX);
        assertThat(Http.send("DELETE", API + "/espace/aidants/invitations/" + toOlga.get("id").asString(), patient, null)
                .statusCode()).isEqualTo(200);
        String olga = activated(OTHER, "Autrui", Registry.BIRTH_DATE);
        assertThat(code(accept(olga, olgaCode))).isEqualTo("INVITATION_INVALIDE");
        // An expired invitation (written as the adapter would have, 31 days ago)
        String expiredId = UUID.randomUUID().toString();
        String expiredCode = adapters.codes().codeFor(patientKey, "aidant-" + expiredId);
        adapters.caregivers().invite(new Invitation(patientKey, expiredId, "Autrui", "Olga", "olga" + SUFFIX,
                adapters.codes().lookupHash(expiredCode), LocalDate.now().minusDays(1), Invitation.State.PENDING,
                Instant.now().minusSeconds(31 * 86_400)));
        assertThat(code(accept(olga, expiredCode))).isEqualTo("INVITATION_INVALIDE");
        // A minor cannot be a caregiver
        assertThat(invite(patient, "Jeunot", "lou" + SUFFIX).statusCode()).isEqualTo(201);
        String minor = activated(MINOR, "Jeunot", Registry.CHILD_BIRTH_DATE);
        assertThat(code(accept(minor, lastCode("lou" + SUFFIX)))).isEqualTo("AIDANT_MINEUR");
        // ... nor have one: a minor's parents act for them
        assertThat(code(invite(minor, "Autrui", "olga" + SUFFIX))).isEqualTo("AIDANT_MINEUR_AIDE");
        // A 4th caregiver (pending invitations count: the self-invitation, Lou's, Olga's new one): refused
        assertThat(invite(patient, "Autrui", "olga" + SUFFIX).statusCode()).isEqualTo(201);
        assertThat(pendingIds(patient)).hasSize(3);
        assertThat(code(invite(patient, "Autrui", "olga" + SUFFIX))).isEqualTo("AIDANTS_LIMITE");
        // A caregiver who already helps 5 people cannot accept a 6th
        String olgaKey = adapters.nirProtection().lookupKey(Nir.parse(OTHER));
        STACK.dynamoDb().updateItem(r -> r.tableName(STACK.physicalName("SpacesTable"))
                .key(Map.of("spaceKey", AttributeValue.fromS(olgaKey)))
                .updateExpression("SET helpingCount = :five").expressionAttributeValues(Map.of(":five", AttributeValue.fromN("5"))));
        assertThat(code(accept(olga, lastCode("olga" + SUFFIX)))).isEqualTo("AIDES_LIMITE");
        // Nothing changed: no caregiver named
        assertThat(Http.json(Http.get(API + "/espace/aidants", patient)).get("aidants")).isEmpty();
    }

    private static List<String> pendingIds(String patient) {
        List<String> ids = new ArrayList<>();
        Http.json(Http.get(API + "/espace/aidants", patient)).get("invitations").forEach(i -> {
            if (i.get("statut").asString().equals("PENDING")) {
                ids.add(i.get("id").asString());
            }
        });
        return ids;
    }

    private static HttpResponse<String> invite(String patient, String lastName, String email) {
        return Http.send("POST", API + "/espace/aidants", patient,
                "{\"nom\":\"" + lastName + "\",\"prenoms\":\"Camille\",\"email\":\"" + email + "\"}");
    }

    private static HttpResponse<String> accept(String login, String code) {
        return Http.send("POST", API + "/espace/aides", login, "{\"code\":\"" + code + "\"}");
    }

    private static String lastCode(String address) {
        List<String> codes = Campaigns.emailedCodes(STACK, address, CaregiverNotices.INVITATION_SUBJECT).get(address);
        assertThat(codes).as("invitation e-mail to " + address).isNotEmpty();
        return codes.getLast();
    }

    private static String code(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        return Http.json(response).get("code").asString();
    }

    private static String login() {
        return Http.token(API, "patient", "sujet=citoyen-" + UUID.randomUUID());
    }

    private static String activated(String nir, String birthName, String birthDate) {
        String token = login();
        var response = Http.send("POST", API + "/espace/activation", token, activation(nir, birthName, birthDate));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return token;
    }

    private static String activation(String nir, String birthName, String birthDate) {
        return "{\"ins\":\"" + nir + "\",\"dateNaissance\":\"" + birthDate + "\",\"nomNaissance\":\"" + birthName + "\"}";
    }

    private static AwsAdapters adapters() {
        var env = STACK.functionEnvironment("PatientSpaceFunction");
        return new AwsAdapters(name -> Objects.requireNonNull(env.get(name), name));
    }
}
