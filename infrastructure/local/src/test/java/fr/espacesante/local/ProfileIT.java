package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.local.support.Http;
import fr.espacesante.local.support.LocalStackSupport;
import fr.espacesante.local.support.Registry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The medical profile, the prevention calendar and the calendar subscription through the gateway,
 * as a patient, professionals and an attacker meet them: entries and measurements kept, bad input
 * refused in French with nothing stored, professionals reading under the policy (hidden sections
 * for the treating doctor only), the PDF summary attached to a message, the iCalendar address
 * answering 404 as soon as it is revoked.
 */
class ProfileIT {

    private static final LocalStack STACK = LocalStackSupport.shared();
    private static final String API = STACK.gatewayUrl();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String TREATING = "10300000001";
    private static final String CONSENTED = "10300000002";
    private static final String STRANGER = "10300000003";

    @Test
    void the_patient_fills_the_profile_professionals_read_it_under_the_policy_and_bad_input_changes_nothing() throws Exception {
        int base = 810_000 + (int) (Math.random() * 40_000);
        String nir = Registry.nir(base);
        Registry.importLines(STACK, "registre/profil-" + base + ".csv", List.of(Registry.line(nir, "Profil", "Paule", null)));
        String patient = Http.token(API, "patient", "sujet=citoyen-" + UUID.randomUUID());
        assertThat(Http.send("POST", API + "/espace/activation", patient, "{\"ins\":\"" + nir + "\",\"dateNaissance\":\""
                + Registry.BIRTH_DATE + "\",\"nomNaissance\":\"Profil\"}").statusCode()).isEqualTo(200);

        // The specification the web builds its forms from
        JsonNode spec = Http.json(Http.get(API + "/espace/profil/rubriques", patient));
        assertThat(spec.get("rubriques")).hasSize(12);
        assertThat(spec.get("mesures").toString()).contains("\"loinc\":\"29463-7\"", "\"ucum\":\"kg\"");

        // Sections: a list, a single value, « non concerné »
        var allergy = Http.send("POST", API + "/espace/profil/rubriques/allergies", patient,
                "{\"substance\":\"Pénicilline\",\"reaction\":\"Urticaire\",\"gravite\":\"SEVERE\"}");
        assertThat(allergy.statusCode()).as(allergy.body()).isEqualTo(201);
        assertThat(Http.json(allergy).get("libelles").get("gravite").asString()).isEqualTo("Sévère");
        assertThat(Http.send("POST", API + "/espace/profil/rubriques/vaccinations", patient,
                "{\"vaccin\":\"DTCAP_RAPPEL\",\"date\":\"2010-01-14\",\"lot\":\"AB123\"}").statusCode()).isEqualTo(201);
        assertThat(Http.send("PUT", API + "/espace/profil/rubriques/groupe-sanguin", patient, "{\"groupe\":\"O+\"}").statusCode())
                .isEqualTo(200);
        assertThat(Http.send("PUT", API + "/espace/profil/non-concerne/hospitalisations", patient, "{}").statusCode()).isEqualTo(200);
        assertThat(Http.send("POST", API + "/espace/profil/rubriques/maladies", patient, "{\"nom\":\"Asthme\",\"depuis\":\"1999-05-01\"}")
                .statusCode()).isEqualTo(201);

        // Measurements: BMI derived from the last weight and height; an older value does not replace the last
        String now = LocalDateTime.now(PARIS).truncatedTo(ChronoUnit.MINUTES).toString();
        String lastWeek = LocalDateTime.now(PARIS).minusDays(7).truncatedTo(ChronoUnit.MINUTES).toString();
        assertThat(measure(patient, "poids", "72.5", null, now).statusCode()).isEqualTo(201);
        assertThat(measure(patient, "taille", "175", null, now).statusCode()).isEqualTo(201);
        assertThat(measure(patient, "poids", "74", null, lastWeek).statusCode()).isEqualTo(201);
        assertThat(measure(patient, "tension", "125", "80", now).statusCode()).isEqualTo(201);
        JsonNode profile = Http.json(Http.get(API + "/espace/profil", patient));
        assertThat(profile.get("imc").asString()).isEqualTo("23.7");
        assertThat(latest(profile, "poids").get("valeur").asString()).isEqualTo("72.5");
        assertThat(latest(profile, "tension").get("valeur2").asString()).isEqualTo("80");
        JsonNode series = Http.json(Http.get(API + "/espace/profil/mesures/poids?du=" + LocalDate.now(PARIS).minusMonths(1), patient))
                .get("valeurs");
        assertThat(series).hasSize(2);
        assertThat(series.get(0).get("valeur").asString()).as("oldest first").isEqualTo("74");

        // Refused inputs: each a 4xx in French, nothing stored
        String before = Http.get(API + "/espace/profil", patient).body();
        String tomorrow = serviceNow().plusDays(1).truncatedTo(ChronoUnit.MINUTES).toString();
        List<String> refused = new ArrayList<>();
        refused.add(code(measure(patient, "poids", "500", null, now)));
        refused.add(code(measure(patient, "tension", "80", "120", now)));
        refused.add(code(measure(patient, "poids", "70", null, tomorrow)));
        refused.add(code(measure(patient, "imc", "22", null, now)));
        refused.add(code(measure(patient, "perimetre-cranien", "40", null, now)));
        refused.add(code(measure(patient, "pas", "1000.5", null, now)));
        refused.add(code(measure(patient, "glucose", "1", null, now)));
        for (String[] entry : List.of(
                new String[] {"vaccinations", "{\"vaccin\":\"VACCIN_X\",\"date\":\"2020-01-01\"}"},
                new String[] {"vaccinations", "{\"vaccin\":\"AUTRE\",\"date\":\"2020-01-01\"}"},
                new String[] {"hospitalisations", "{\"etablissement\":\"CHU\",\"entree\":\"" + serviceNow().toLocalDate().plusDays(3) + "\"}"},
                new String[] {"traitements", "{\"medicament\":\"X\",\"debut\":\"2024-05-01\",\"fin\":\"2024-04-01\"}"},
                new String[] {"allergies", "{\"substance\":\"Arachide\\u0007\"}"},
                new String[] {"allergies", "{\"substance\":\"Arachide\",\"couleur\":\"rouge\"}"},
                new String[] {"maladies", "{\"nom\":\"" + "x".repeat(2_001) + "\"}"},
                new String[] {"entourage", "{\"type\":\"CONTACT_URGENCE\",\"nom\":\"Jean\",\"telephone\":\"12\"}"},
                new String[] {"groupe-sanguin", "{\"groupe\":\"O+\"}"},
                new String[] {"inconnue", "{\"nom\":\"x\"}"})) {
            refused.add(code(Http.send("POST", API + "/espace/profil/rubriques/" + entry[0], patient, entry[1])));
        }
        refused.add(code(Http.send("PUT", API + "/espace/profil/non-concerne/allergies", patient, "{}")));
        refused.add(code(Http.send("PUT", API + "/espace/profil/rubriques/directives-anticipees", patient,
                "{\"documentId\":\"" + UUID.randomUUID() + "\"}")));
        System.out.println("ProfileIT refused: " + refused);
        assertThat(refused).doesNotContainNull().contains("VALEUR_HORS_LIMITES", "DIASTOLIQUE_SUPERIEURE", "DATE_FUTURE",
                "MESURE_CALCULEE", "MESURE_ENFANT", "VALEUR_TROP_PRECISE", "VACCIN_INCONNU", "DATES_INVERSEES", "CARACTERES_INTERDITS",
                "CHAMP_INCONNU", "TEXTE_TROP_LONG", "TELEPHONE_INVALIDE", "RUBRIQUE_UNIQUE", "RUBRIQUE_INCONNUE", "RUBRIQUE_NON_VIDE",
                "DOCUMENT_INCONNU");
        assertThat(Http.get(API + "/espace/profil", patient).body()).isEqualTo(before);

        // Professionals read under the policy: none without a relationship; hidden sections for the treating doctor only
        assertThat(Http.send("PUT", API + "/espace/profil/masquage", patient, "{\"rubriques\":[\"allergies\"]}").statusCode())
                .isEqualTo(200);
        assertThat(Http.send("PUT", API + "/espace/medecin-traitant", patient, "{\"rpps\":\"" + TREATING + "\"}").statusCode())
                .isEqualTo(200);
        assertThat(Http.send("POST", API + "/pro/patients/consentement", pro(CONSENTED), "{\"ins\":\"" + nir + "\"}").statusCode())
                .isEqualTo(201);
        var stranger = Http.send("POST", API + "/pro/profil", pro(STRANGER), "{\"ins\":\"" + nir + "\"}");
        assertThat(stranger.statusCode()).isEqualTo(403);
        JsonNode consented = Http.json(Http.send("POST", API + "/pro/profil", pro(CONSENTED), "{\"ins\":\"" + nir + "\"}"));
        assertThat(consented.get("rubriques").toString()).contains("Asthme").doesNotContain("Pénicilline", "\"masqueeAuxProfessionnels\":true");
        JsonNode treating = Http.json(Http.send("POST", API + "/pro/profil", pro(TREATING), "{\"ins\":\"" + nir + "\"}"));
        assertThat(treating.get("rubriques").toString()).contains("Pénicilline");
        assertThat(Http.json(Http.send("POST", API + "/pro/profil/mesures", pro(CONSENTED), "{\"ins\":\"" + nir
                + "\",\"type\":\"poids\",\"du\":\"" + LocalDate.now(PARIS).minusMonths(1) + "\"}")).get("valeurs")).hasSize(2);
        String history = Http.get(API + "/espace/historique?limite=100", patient).body();
        assertThat(history).contains("PROFILE", "profil", "sans-autorisation", TREATING, CONSENTED);

        // The summary: a PDF, downloadable, attached to a message by its id
        var summary = Http.send("POST", API + "/espace/profil/synthese", patient, null);
        assertThat(summary.statusCode()).as(summary.body()).isEqualTo(201);
        byte[] pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Http.json(summary).get("url").asString())).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String conversation = Http.json(Http.send("POST", API + "/pro/messages", pro(TREATING), "{\"ins\":\"" + nir
                + "\",\"sujet\":\"Votre suivi\",\"texte\":\"Pouvez-vous m'envoyer votre profil ?\"}")).get("conversation").get("id").asString();
        var reply = Http.send("POST", API + "/espace/messages/" + conversation, patient, "{\"texte\":\"Voici mon profil.\",\"documents\":[\""
                + Http.json(summary).get("documentId").asString() + "\"]}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        assertThat(reply.body()).contains("Synthèse du profil médical");
    }

    @Test
    void the_prevention_calendar_follows_age_and_sex_and_the_calendar_address_stops_at_once_when_revoked() throws Exception {
        int base = 850_000 + (int) (Math.random() * 40_000);
        String nir = Registry.nir(base);
        Registry.importLines(STACK, "registre/prevention-" + base + ".csv", List.of(Registry.line(nir, "Prevention", "Rose", null)));
        String patient = Http.token(API, "patient", "sujet=citoyen-" + UUID.randomUUID());
        assertThat(Http.send("POST", API + "/espace/activation", patient, "{\"ins\":\"" + nir + "\",\"dateNaissance\":\""
                + Registry.BIRTH_DATE + "\",\"nomNaissance\":\"Prevention\"}").statusCode()).isEqualTo(200);

        // A woman born in 1985: the cervical screening (HPV test every 5 years from 30), not the breast screening yet
        JsonNode items = Http.json(Http.get(API + "/espace/agenda/prevention", patient)).get("elements");
        assertThat(items.toString()).contains("depistage-col-30a-2025").doesNotContain("depistage-sein", "examen-8j");
        var done = Http.send("PUT", API + "/espace/agenda/prevention/depistage-col-30a-2025", patient,
                "{\"statut\":\"FAIT\",\"faitLe\":\"2025-03-10\"}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(Http.get(API + "/espace/agenda/prevention", patient).body()).contains("\"faitLe\":\"2025-03-10\"");
        List<String> refused = new ArrayList<>();
        refused.add(code(Http.send("PUT", API + "/espace/agenda/prevention/depistage-sein-2036", patient, "{\"statut\":\"NON_CONCERNE\"}")));
        refused.add(code(Http.send("PUT", API + "/espace/agenda/prevention/depistage-col-30a-2025", patient,
                "{\"statut\":\"FAIT\",\"faitLe\":\"" + serviceNow().toLocalDate().plusDays(2) + "\"}")));
        refused.add(code(Http.send("PUT", API + "/espace/agenda/prevention/depistage-col-30a-2025", patient, "{\"statut\":\"FAIT\"}")));
        refused.add(code(Http.send("PUT", API + "/espace/agenda/prevention/depistage-col-30a-2025", patient, "{\"statut\":\"PEUT_ETRE\"}")));
        System.out.println("ProfileIT prevention refused: " + refused);
        assertThat(refused).containsExactly("PREVENTION_INCONNUE", "DATE_FUTURE", "DATE_MANQUANTE", "STATUT_INCONNU");

        // The calendar subscription: no identifier in the address, the title and address but not the notes
        LocalDate day = LocalDate.now(PARIS).plusDays(10);
        assertThat(Http.send("POST", API + "/espace/agenda", patient, "{\"type\":\"RENDEZ_VOUS\",\"titre\":\"Dr Lune\",\"specialite\":"
                + "\"psychiatrie\",\"date\":\"" + day + "\",\"heure\":\"10:30\",\"adresse\":\"1 place du Capitole\",\"note\":\"Secret\"}")
                .statusCode()).isEqualTo(201);
        String address = Http.json(Http.send("POST", API + "/espace/agenda/abonnement", patient, null)).get("adresse").asString();
        assertThat(address).startsWith(API + "/calendrier/").doesNotContain(nir);
        HttpResponse<String> feed = Http.get(address, null);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("content-type").orElse("")).startsWith("text/calendar");
        assertThat(feed.body()).startsWith("BEGIN:VCALENDAR").contains("Rendez-vous : Dr Lune", "1 place du Capitole")
                .doesNotContain("psychiatrie", "Secret");
        String renewed = Http.json(Http.send("POST", API + "/espace/agenda/abonnement", patient, null)).get("adresse").asString();
        assertThat(Http.get(address, null).statusCode()).as("the old address, replaced").isEqualTo(404);
        assertThat(Http.get(renewed, null).statusCode()).isEqualTo(200);
        assertThat(Http.send("DELETE", API + "/espace/agenda/abonnement", patient, null).statusCode()).isEqualTo(200);
        assertThat(Http.get(renewed, null).statusCode()).as("revoked").isEqualTo(404);
        assertThat(Http.get(API + "/calendrier/" + "A".repeat(43), null).statusCode()).isEqualTo(404);
    }

    /** The service's clock, which other tests of the shared stack move forward (working mornings, birthdays). */
    private static LocalDateTime serviceNow() {
        return LocalDateTime.now(PARIS).plus(STACK.clockOffset());
    }

    private static HttpResponse<String> measure(String token, String type, String value, String second, String at) {
        return Http.send("POST", API + "/espace/profil/mesures", token, "{\"type\":\"" + type + "\",\"valeur\":" + value
                + (second == null ? "" : ",\"valeur2\":" + second) + ",\"prisLe\":\"" + at + "\"}");
    }

    private static JsonNode latest(JsonNode profile, String type) {
        for (JsonNode m : profile.get("dernieresMesures")) {
            if (m.get("type").asString().equals(type)) {
                return m;
            }
        }
        throw new AssertionError("no last value for " + type);
    }

    private static String pro(String rpps) {
        return Http.token(API, "professional", "rpps=" + rpps + "&profession=medecin");
    }

    /** The refusal's code, or null when the request was not refused with a 4xx and a French message. */
    private static String code(HttpResponse<String> response) {
        if (response.statusCode() < 400 || response.statusCode() >= 500) {
            return null;
        }
        JsonNode body = Http.json(response);
        return body.has("message") && !body.get("message").asString().isBlank() ? body.get("code").asString() : null;
    }
}
