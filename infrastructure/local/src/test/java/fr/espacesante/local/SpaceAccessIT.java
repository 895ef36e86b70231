package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.local.support.Http;
import fr.espacesante.local.support.LocalStackSupport;
import fr.espacesante.local.support.Mailbox;
import fr.espacesante.local.support.Registry;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * "Who may see what" through the gateway: a patient activates their space, chooses a treating
 * doctor, blocks and unblocks, turns emergency access off and on; professionals open the space,
 * declare consent, break the glass; everything lands in the patient's access history.
 */
class SpaceAccessIT {

    private static final LocalStack STACK = LocalStackSupport.shared();
    private static final String API = STACK.gatewayUrl();
    private static final int BASE = 700_000 + (int) (Math.random() * 100_000);
    private static final String NIR = Registry.nir(BASE);
    private static final String OTHER_NIR = Registry.nir(BASE + 1);
    private static final String EMAIL = "lea.lefevre." + BASE + "@example.fr";

    private static final String TREATING = "10100000001";
    private static final String CONSENTING = "10100000002";
    private static final String EMERGENCY = "10100000003";
    private static final String STRANGER = "10100000004";

    @BeforeAll
    static void registry() {
        Registry.importLines(STACK, "registre/acces-" + BASE + ".csv", List.of(
                Registry.line(NIR, "Lefèvre-d'Ornano", "Léa", EMAIL),
                Registry.line(OTHER_NIR, "Durand", "Paul", null)));
    }

    @Test
    void the_patient_controls_who_sees_their_space_and_sees_every_access() {
        String patient = patientToken();

        // GIVEN a login not linked yet: nothing but activation is open to it
        assertThat(code(Http.send("GET", API + "/espace", patient, null))).isEqualTo("ESPACE_NON_ACTIVE");

        // WHEN the patient proves who they are, typing their name without accents nor hyphen
        var activated = Http.send("POST", API + "/espace/activation", patient,
                activation(NIR, Registry.BIRTH_DATE, "lefevre d ornano"));

        // THEN the space exists at once, with the registry e-mail and emergency access on
        assertThat(activated.statusCode()).isEqualTo(200);
        JsonNode space = Http.json(activated);
        assertThat(space.get("statut").asString()).isEqualTo("OPEN");
        assertThat(space.get("creation").asString()).isEqualTo("ACTIVATION");
        assertThat(space.get("email").asString()).isEqualTo(EMAIL);
        assertThat(space.get("accesUrgence").asBoolean()).isTrue();
        // activating again is harmless
        assertThat(Http.send("POST", API + "/espace/activation", patient,
                activation(NIR, Registry.BIRTH_DATE, "LEFEVRE-D'ORNANO")).statusCode()).isEqualTo(200);

        // A stranger professional cannot open the space
        assertThat(open(STRANGER, false, null).statusCode()).isEqualTo(403);

        // WHEN the patient designates a treating doctor and a professional declares consent
        assertThat(Http.send("PUT", API + "/espace/medecin-traitant", patient, "{\"rpps\":\"" + TREATING + "\"}")
                .statusCode()).isEqualTo(200);
        var consent = Http.send("POST", API + "/pro/patients/consentement", proToken(CONSENTING, false),
                "{\"ins\":\"" + NIR + "\"}");
        assertThat(consent.statusCode()).isEqualTo(201);

        // THEN both can open the space, under their rule, and the patient sees them listed
        assertThat(Http.json(open(TREATING, false, null)).get("ouverture").get("regle").asString())
                .isEqualTo("medecin-traitant");
        JsonNode opening = Http.json(open(CONSENTING, false, null));
        assertThat(opening.get("ouverture").get("regle").asString()).isEqualTo("consentement");
        assertThat(opening.get("lecture").get("DOCUMENT").get("autorise").asBoolean()).isTrue();
        JsonNode access = Http.json(Http.send("GET", API + "/espace/acces", patient, null));
        assertThat(rules(access.get("professionnels"))).containsExactly(
                TREATING + "=medecin-traitant", CONSENTING + "=consentement");

        // WHEN the patient blocks the consenting professional, then revokes the consent
        Http.send("PUT", API + "/espace/professionnels-bloques/" + CONSENTING, patient, null);

        // THEN that professional is refused everything, and listed as blocked
        var refused = open(CONSENTING, false, null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Http.json(refused).get("regle").asString()).isEqualTo("professionnel-bloque");
        assertThat(Http.send("POST", API + "/pro/patients/consentement", proToken(CONSENTING, false),
                "{\"ins\":\"" + NIR + "\"}").statusCode()).isEqualTo(403);
        access = Http.json(Http.send("GET", API + "/espace/acces", patient, null));
        assertThat(rules(access.get("professionnels"))).containsExactly(TREATING + "=medecin-traitant");
        assertThat(rules(access.get("bloques"))).containsExactly(CONSENTING + "=professionnel-bloque");
        // a blocked professional cannot become treating doctor until unblocked
        assertThat(code(Http.send("PUT", API + "/espace/medecin-traitant", patient,
                "{\"rpps\":\"" + CONSENTING + "\"}"))).isEqualTo("MEDECIN_TRAITANT_BLOQUE");
        Http.send("DELETE", API + "/espace/professionnels-bloques/" + CONSENTING, patient, null);
        assertThat(open(CONSENTING, false, null).statusCode()).isEqualTo(200);
        Http.send("DELETE", API + "/espace/consentements/" + CONSENTING, patient, null);
        assertThat(open(CONSENTING, false, null).statusCode()).isEqualTo(403);

        // WHEN an emergency professional breaks the glass with a written justification
        int mailsBefore = Mailbox.to(STACK, EMAIL).size();
        var emergency = open(EMERGENCY, true, "Patiente inconsciente admise aux urgences, traitements en cours requis");

        // THEN access is granted under bris-de-glace and the patient is told by e-mail at once, without any detail of care
        assertThat(emergency.statusCode()).isEqualTo(200);
        assertThat(Http.json(emergency).get("ouverture").get("regle").asString()).isEqualTo("bris-de-glace");
        List<JsonNode> mails = Mailbox.to(STACK, EMAIL);
        assertThat(mails).hasSize(mailsBefore + 1);
        JsonNode notice = mails.getLast();
        assertThat(notice.get("subject").asString()).isEqualTo("Accès en urgence à votre espace santé");
        assertThat(notice.get("body").get("text").asString()).contains("en urgence").doesNotContain("inconsciente")
                .doesNotContain(NIR);

        // WHEN the patient turns emergency access off
        Http.send("PUT", API + "/espace/acces-urgence", patient, "{\"actif\":false}");

        // THEN breaking the glass is refused, and no e-mail goes out
        var off = open(EMERGENCY, true, "Patiente inconsciente admise aux urgences, traitements en cours requis");
        assertThat(off.statusCode()).isEqualTo(403);
        assertThat(Http.json(off).get("regle").asString()).isEqualTo("urgence-desactivee");
        assertThat(Mailbox.to(STACK, EMAIL)).hasSize(mailsBefore + 1);

        // AND the patient's history holds every access, newest first, with the justification of the emergency
        JsonNode history = Http.json(Http.send("GET", API + "/espace/historique?limite=100", patient, null));
        List<JsonNode> entries = new ArrayList<>();
        history.get("acces").forEach(entries::add);
        assertThat(entries).extracting(e -> e.get("date").asString())
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("regle").asString()).isEqualTo("bris-de-glace");
            assertThat(e.get("autorise").asBoolean()).isTrue();
            assertThat(e.get("acteur").get("identifiant").asString()).isEqualTo(EMERGENCY);
            assertThat(e.get("justification").asString()).startsWith("Patiente inconsciente");
        });
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("regle").asString()).isEqualTo("urgence-desactivee");
            assertThat(e.get("autorise").asBoolean()).isFalse();
        });
        assertThat(entries).anySatisfy(e -> assertThat(e.get("regle").asString()).isEqualTo("sans-autorisation"));
        assertThat(entries).anySatisfy(e -> assertThat(e.get("regle").asString()).isEqualTo("professionnel-bloque"));

        // filtered by professional and by rule
        JsonNode byPro = Http.json(Http.send("GET", API + "/espace/historique?professionnel=" + CONSENTING, patient, null));
        assertThat(byPro.get("acces")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("acteur").get("identifiant").asString()).isEqualTo(CONSENTING));
        JsonNode byRule = Http.json(Http.send("GET", API + "/espace/historique?regle=professionnel-bloque", patient, null));
        assertThat(byRule.get("acces")).hasSize(2)
                .allSatisfy(e -> assertThat(e.get("autorise").asBoolean()).isFalse());

        // paginated: pages of 3 cover the same entries as one page of 100, without repeats
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = Http.json(Http.send("GET", API + "/espace/historique?limite=3"
                    + (cursor == null ? "" : "&curseur=" + cursor), patient, null));
            page.get("acces").forEach(e -> paged.add(e.toString()));
            cursor = page.get("suivant").isNull() ? null : page.get("suivant").asString();
        } while (cursor != null);
        // the paged reads append entries of their own after the first page: compare what existed before
        assertThat(paged).containsAll(entries.stream().map(JsonNode::toString).toList());
    }

    @Test
    void tokens_from_the_wrong_provider_or_without_identity_are_refused_and_recorded() {
        String patient = patientToken();
        Http.send("POST", API + "/espace/activation", patient, activation(OTHER_NIR, Registry.BIRTH_DATE, "Durand"));
        String operator = Http.token(API, "operator", "agent=77");

        // a patient token on a professional route: refused by the authorizer, recorded in the API access log
        var patientOnPro = Http.send("POST", API + "/pro/patients/ouverture", patient, "{\"ins\":\"" + OTHER_NIR + "\"}");
        assertThat(patientOnPro.statusCode()).isEqualTo(401);
        // an operator token on the patient's health data and on the professional API: same
        var operatorOnHistory = Http.send("GET", API + "/espace/historique", operator, null);
        var operatorOnPro = Http.send("POST", API + "/pro/patients/ouverture", operator, "{\"ins\":\"" + OTHER_NIR + "\"}");
        assertThat(operatorOnHistory.statusCode()).isEqualTo(401);
        assertThat(operatorOnPro.statusCode()).isEqualTo(401);
        List<String> refusals = STACK.gateway().accessLog().stream()
                .filter(l -> l.status() == 401 && "Unauthorized".equals(l.authorizerError()))
                .map(l -> l.routeKey()).toList();
        assertThat(refusals).contains("POST /pro/patients/ouverture", "GET /espace/historique");
        assertThat(STACK.gateway().accessLog()).allSatisfy(l -> assertThat(l.toString()).doesNotContain(OTHER_NIR));

        // a professional token without RPPS: refused by the function and recorded in the patient's history
        String noRpps = Http.token(API, "professional", "rpps=&profession=medecin&urgence=true");
        var noIdentity = Http.send("POST", API + "/pro/patients/acces-urgence", noRpps,
                "{\"ins\":\"" + OTHER_NIR + "\",\"justification\":\"Arrêt cardiaque, antécédents requis\"}");
        assertThat(noIdentity.statusCode()).isEqualTo(403);
        assertThat(Http.json(noIdentity).get("regle").asString()).isEqualTo("professionnel-non-identifie");
        JsonNode recorded = Http.json(Http.send("GET", API + "/espace/historique?regle=professionnel-non-identifie",
                patient, null));
        assertThat(recorded.get("acces")).hasSize(1);
        assertThat(recorded.get("acces").get(0).get("acteur").get("identifiant").asString()).isEqualTo("non-identifie");
    }

    @Test
    void wrong_proofs_get_one_answer_and_repeated_failures_lock_the_login_out() {
        String patient = patientToken();
        String unknownNir = Registry.nir(BASE + 2);
        var unknown = Http.send("POST", API + "/espace/activation", patient, activation(unknownNir, Registry.BIRTH_DATE, "X"));
        var wrongDate = Http.send("POST", API + "/espace/activation", patient, activation(OTHER_NIR, "1985-01-15", "Durand"));
        var wrongName = Http.send("POST", API + "/espace/activation", patient, activation(OTHER_NIR, Registry.BIRTH_DATE, "Dupont"));
        // the same answer, whether the NIR is unknown or the details wrong
        assertThat(List.of(unknown, wrongDate, wrongName)).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).isEqualTo(unknown.body());
        });
        Http.send("POST", API + "/espace/activation", patient, activation(unknownNir, Registry.BIRTH_DATE, "X"));
        Http.send("POST", API + "/espace/activation", patient, activation(unknownNir, Registry.BIRTH_DATE, "X"));
        // the sixth attempt is locked out, even with a right answer
        var locked = Http.send("POST", API + "/espace/activation", patient, activation(OTHER_NIR, Registry.BIRTH_DATE, "Durand"));
        assertThat(locked.statusCode()).as(locked.body()).isEqualTo(429);
        assertThat(code(locked)).isEqualTo("TROP_DE_TENTATIVES");

        // bad input: a clear French message and a code
        var badNir = Http.send("POST", API + "/espace/activation", patientToken(), activation("123", Registry.BIRTH_DATE, "X"));
        assertThat(code(badNir)).isEqualTo("INS_INVALIDE");
        for (String notAnObject : List.of("{\"ins\": ", "\"texte\"", "")) {
            var badBody = Http.send("POST", API + "/espace/activation", patientToken(), notAnObject);
            assertThat(badBody.statusCode()).as(notAnObject).isEqualTo(400);
            assertThat(code(badBody)).isEqualTo("CORPS_INVALIDE");
            assertThat(Http.json(badBody).get("message").asString()).contains("objet JSON");
        }
        var badDate = Http.send("POST", API + "/espace/activation", patientToken(), activation(OTHER_NIR, "14/01/1985", "Durand"));
        assertThat(code(badDate)).isEqualTo("DATE_INVALIDE");
    }

    private static String patientToken() {
        return Http.token(API, "patient", "sujet=citoyen-" + UUID.randomUUID());
    }

    private static String proToken(String rpps, boolean emergencySetting) {
        return Http.token(API, "professional", "rpps=" + rpps + "&profession=medecin&urgence=" + emergencySetting);
    }

    private static HttpResponse<String> open(String rpps, boolean emergencySetting, String justification) {
        String token = proToken(rpps, emergencySetting);
        return justification == null
                ? Http.send("POST", API + "/pro/patients/ouverture", token, "{\"ins\":\"" + NIR + "\"}")
                : Http.send("POST", API + "/pro/patients/acces-urgence", token,
                        "{\"ins\":\"" + NIR + "\",\"justification\":\"" + justification + "\"}");
    }

    private static String activation(String nir, String birthDate, String birthName) {
        return "{\"ins\":\"" + nir + "\",\"dateNaissance\":\"" + birthDate + "\",\"nomNaissance\":\"" + birthName + "\"}";
    }

    private static String code(HttpResponse<String> response) {
        return Http.json(response).get("code").asString();
    }

    private static List<String> rules(JsonNode professionals) {
        List<String> out = new ArrayList<>();
        professionals.forEach(p -> out.add(p.get("rpps").asString() + "=" + p.get("regle").asString()));
        return out;
    }
}
