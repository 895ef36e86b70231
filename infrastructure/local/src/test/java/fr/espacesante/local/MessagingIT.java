package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.local.support.Http;
import fr.espacesante.local.support.LocalStackSupport;
import fr.espacesante.local.support.Mailbox;
import fr.espacesante.local.support.Registry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The secure messaging through the gateway: a professional writes (with a file checked by the
 * intake), the patient is told without content, reads (receipt), answers, saves the file into their
 * documents; the professional ends the exchanges; who may start a conversation; blocking; and every
 * refused input a clear 4xx with nothing stored and nothing sent.
 */
class MessagingIT {

    private static final LocalStack STACK = LocalStackSupport.shared();
    private static final String API = STACK.gatewayUrl();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final int BASE = 460_000 + (int) (Math.random() * 40_000);
    private static final String NIR = Registry.nir(BASE);
    private static final String OTHER_NIR = Registry.nir(BASE + 1);
    private static final String EMAIL = "messagerie." + BASE + "@example.fr";
    private static final String DOCTOR = "10800000001";
    private static final String SPECIALIST = "10800000002";
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static String patient;

    @BeforeAll
    static void space() {
        Registry.importLines(STACK, "registre/messagerie-" + BASE + ".csv", List.of(
                Registry.line(NIR, "Courrier", "Mélanie", EMAIL), Registry.line(OTHER_NIR, "Autre", "Paul", null)));
        patient = activated(NIR, "Courrier");
        assertThat(Http.send("PUT", API + "/espace/medecin-traitant", patient, "{\"rpps\":\"" + DOCTOR + "\"}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_professional_writes_the_patient_reads_answers_and_saves_the_file() throws Exception {
        int mails = Mailbox.to(STACK, EMAIL).size();
        // The specialist writes with a PDF: the message waits for the intake, then goes out
        var started = Http.send("POST", API + "/pro/messages", pro(SPECIALIST), "{\"ins\":\"" + NIR + "\",\"sujet\":\"Résultats\","
                + "\"texte\":\"Bonjour, voici vos résultats.\",\"fichiers\":[{\"titre\":\"Bilan\",\"typeContenu\":\"application/pdf\","
                + "\"taille\":" + PDF.length + "}]}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode sent = Http.json(started);
        String conversation = sent.get("conversation").get("id").asString();
        assertThat(sent.get("message").get("statut").asString()).isEqualTo("EN_ATTENTE");
        // Not delivered yet: the patient does not see it
        assertThat(Http.json(Http.get(API + "/espace/messages", patient)).get("conversations").toString()).doesNotContain(conversation);
        assertThat(put(sent.get("televersements").get(0), PDF)).isEqualTo(200);
        STACK.awaitS3Events();

        JsonNode inbox = Http.json(Http.get(API + "/espace/messages", patient));
        JsonNode first = inbox.get("conversations").get(0);
        assertThat(first.get("id").asString()).isEqualTo(conversation);
        assertThat(first.get("nonLus").asInt()).isEqualTo(1);
        // Told by e-mail, without text, subject nor professional's name
        var notices = Mailbox.to(STACK, EMAIL);
        assertThat(notices).hasSize(mails + 1);
        String notice = notices.getLast().toString();
        assertThat(notice).contains("Un message vous attend").doesNotContain("Résultats").doesNotContain("voici vos résultats")
                .doesNotContain("Dr " + SPECIALIST);

        // The patient opens it: the professional sees it read
        JsonNode thread = Http.json(Http.get(API + "/espace/messages/" + conversation, patient));
        JsonNode message = thread.get("messages").get(0);
        assertThat(message.get("texte").asString()).isEqualTo("Bonjour, voici vos résultats.");
        String attachment = message.get("piecesJointes").get(0).get("id").asString();
        assertThat(Http.json(Http.get(API + "/pro/messages/" + conversation, pro(SPECIALIST))).get("messages").get(0)
                .get("luLe").isNull()).isFalse();

        // The patient answers; the professional's inbox puts it first, unread
        var reply = Http.send("POST", API + "/espace/messages/" + conversation, patient, "{\"texte\":\"Merci docteur.\"}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        JsonNode proInbox = Http.json(Http.get(API + "/pro/messages", pro(SPECIALIST)));
        assertThat(proInbox.get("conversations").get(0).get("id").asString()).isEqualTo(conversation);
        assertThat(proInbox.get("conversations").get(0).get("nonLusProfessionnel").asInt()).isEqualTo(1);

        // A second message within the hour: no second e-mail
        Http.send("POST", API + "/pro/messages/" + conversation, pro(SPECIALIST), "{\"texte\":\"Prenez rendez-vous.\"}");
        assertThat(Mailbox.to(STACK, EMAIL)).hasSize(mails + 1);

        // The patient saves the file into their documents, the professional as its author
        var saved = Http.send("POST", API + "/espace/messages/" + conversation + "/pieces-jointes/" + attachment + "/enregistrement",
                patient, "{\"categorie\":\"biologie\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        JsonNode documents = Http.json(Http.get(API + "/espace/documents?categorie=biologie", patient)).get("documents");
        assertThat(documents.toString()).contains(attachment).contains(SPECIALIST);
        assertThat(Http.get(API + "/espace/messages/" + conversation + "/pieces-jointes/" + attachment, patient).statusCode())
                .isEqualTo(200);
        // A conversation opens only its own files: not another document of the space, even one the patient hid
        JsonNode grant = Http.json(Http.send("POST", API + "/espace/documents", patient, "{\"categorie\":\"document-patient\","
                + "\"dateSoins\":\"2026-11-20\",\"titre\":\"Privé\",\"typeContenu\":\"application/pdf\",\"taille\":"
                + PDF.length + "}"));
        assertThat(put(grant.get("televersement"), PDF)).isEqualTo(200);
        STACK.awaitS3Events();
        String own = grant.get("document").get("id").asString();
        assertThat(Http.json(Http.get(API + "/espace/documents/" + own, patient)).get("statut").asString()).isEqualTo("AVAILABLE");
        assertThat(code(Http.get(API + "/pro/messages/" + conversation + "/pieces-jointes/" + own, pro(SPECIALIST))))
                .isEqualTo("PIECE_JOINTE_INCONNUE");

        // A document held back until it is discussed cannot travel in a message before that
        JsonNode heldBack = Http.json(Http.send("POST", API + "/pro/documents", pro(SPECIALIST), "{\"ins\":\"" + NIR
                + "\",\"categorie\":\"biologie\",\"dateSoins\":\"2026-11-20\",\"titre\":\"Biopsie\","
                + "\"typeContenu\":\"application/pdf\",\"taille\":" + PDF.length + ",\"retenuJusquAnnonce\":true}"));
        assertThat(put(heldBack.get("televersement"), PDF)).isEqualTo(200);
        STACK.awaitS3Events();
        assertThat(code(Http.send("POST", API + "/pro/messages/" + conversation, pro(SPECIALIST), "{\"texte\":\"Voir pièce jointe\","
                + "\"documents\":[\"" + heldBack.get("document").get("id").asString() + "\"]}"))).isEqualTo("PIECE_JOINTE_RESTREINTE");

        // The professional ends the exchanges: the patient can no longer answer, nor start with them
        assertThat(Http.send("POST", API + "/pro/messages/" + conversation + "/fin", pro(SPECIALIST), "{}").statusCode()).isEqualTo(200);
        JsonNode ended = Http.json(Http.get(API + "/espace/messages/" + conversation, patient)).get("conversation");
        assertThat(ended.get("fin").asString()).endsWith("a mis fin aux échanges");
        assertThat(code(Http.send("POST", API + "/espace/messages/" + conversation, patient, "{\"texte\":\"Encore une question\"}")))
                .isEqualTo("ECHANGES_TERMINES");
        assertThat(code(Http.send("POST", API + "/espace/messages", patient, "{\"rpps\":\"" + SPECIALIST
                + "\",\"sujet\":\"Question\",\"texte\":\"Bonjour\"}"))).isEqualTo("CONVERSATION_NON_AUTORISEE");

        // The patient removes it from their view; the professional keeps theirs
        assertThat(Http.send("DELETE", API + "/espace/messages/" + conversation, patient, null).statusCode()).isEqualTo(200);
        assertThat(Http.json(Http.get(API + "/espace/messages", patient)).get("conversations").toString()).doesNotContain(conversation);
        assertThat(Http.get(API + "/pro/messages/" + conversation, pro(SPECIALIST)).statusCode()).isEqualTo(200);
    }

    @Test
    void who_may_start_and_what_is_refused() throws Exception {
        // The treating doctor does not accept messages from patients yet
        String start = "{\"rpps\":\"" + DOCTOR + "\",\"sujet\":\"Renouvellement\",\"texte\":\"Bonjour docteur\"}";
        assertThat(code(Http.send("POST", API + "/espace/messages", patient, start))).isEqualTo("CONVERSATION_NON_AUTORISEE");
        assertThat(Http.send("PUT", API + "/pro/messages/reglages", pro(DOCTOR), "{\"accepteMessagesPatients\":true}").statusCode())
                .isEqualTo(200);
        var opened = Http.send("POST", API + "/espace/messages", patient, start);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String conversation = Http.json(opened).get("conversation").get("id").asString();

        // Refused inputs: nothing stored, nothing sent
        int before = Http.json(Http.get(API + "/espace/messages/" + conversation, patient)).get("messages").size();
        List<String> refused = new ArrayList<>();
        String other = activated(OTHER_NIR, "Autre");
        String foreign = Http.json(Http.send("POST", API + "/espace/documents", other, "{\"categorie\":\"document-patient\","
                + "\"dateSoins\":\"2026-11-20\",\"titre\":\"Autre\",\"typeContenu\":\"text/plain\",\"taille\":5}"))
                .get("document").get("id").asString();
        String six = "{\"titre\":\"f\",\"typeContenu\":\"application/pdf\",\"taille\":10}";
        for (String body : List.of("{\"texte\":\"\"}", "{\"texte\":\"" + "a".repeat(10_001) + "\"}",
                "{\"texte\":\"bip\\u0007\"}", "{\"texte\":\"ok\",\"fichiers\":[" + String.join(",", List.of(six, six, six, six, six, six)) + "]}",
                "{\"texte\":\"ok\",\"documents\":[\"" + foreign + "\"]}",
                "{\"texte\":\"ok\",\"fichiers\":[{\"titre\":\"gros\",\"typeContenu\":\"application/pdf\",\"taille\":10485761}]}",
                "{\"texte\":\"ok\",\"fichiers\":[{\"titre\":\"exe\",\"typeContenu\":\"application/x-msdownload\",\"taille\":10}]}",
                "[{\"texte\":\"un tableau\"}]")) {
            var answer = Http.send("POST", API + "/espace/messages/" + conversation, patient, body);
            assertThat(answer.statusCode()).as(body.length() > 80 ? body.substring(0, 80) : body).isBetween(400, 499);
            refused.add(Http.json(answer).get("code").asString());
        }
        System.out.println("MessagingIT refused: " + refused);
        assertThat(Http.json(Http.get(API + "/espace/messages/" + conversation, patient)).get("messages").size()).isEqualTo(before);

        // A rejected upload: the message is never delivered, its sender reads why
        var withFile = Http.json(Http.send("POST", API + "/espace/messages/" + conversation, patient, "{\"texte\":\"Ma radio\","
                + "\"fichiers\":[{\"titre\":\"Radio\",\"typeContenu\":\"application/pdf\",\"taille\":12}]}"));
        assertThat(put(withFile.get("televersements").get(0), "pas un PDF !".getBytes(StandardCharsets.UTF_8))).isEqualTo(200);
        STACK.awaitS3Events();
        JsonNode mine = Http.json(Http.get(API + "/espace/messages/" + conversation, patient)).get("messages").get(0);
        assertThat(mine.get("statut").asString()).isEqualTo("REFUSE");
        assertThat(mine.get("motif").asString()).contains("Radio").contains("n'a pas été envoyé");
        assertThat(Http.get(API + "/pro/messages/" + conversation, pro(DOCTOR)).body()).doesNotContain("Ma radio");

        // A blocked professional can neither write nor be written to; the past stays readable
        assertThat(Http.send("PUT", API + "/espace/professionnels-bloques/" + DOCTOR, patient, null).statusCode()).isEqualTo(200);
        assertThat(code(Http.send("POST", API + "/pro/messages/" + conversation, pro(DOCTOR), "{\"texte\":\"Bonjour\"}")))
                .isEqualTo("PROFESSIONNEL_BLOQUE");
        assertThat(code(Http.send("POST", API + "/pro/messages", pro(DOCTOR), "{\"ins\":\"" + NIR
                + "\",\"sujet\":\"Nouveau\",\"texte\":\"Bonjour\"}"))).isEqualTo("PROFESSIONNEL_BLOQUE");
        assertThat(code(Http.send("POST", API + "/espace/messages/" + conversation, patient, "{\"texte\":\"Bonjour\"}")))
                .isEqualTo("PROFESSIONNEL_BLOQUE");
        assertThat(Http.get(API + "/espace/messages/" + conversation, patient).statusCode()).isEqualTo(200);
        assertThat(Http.json(Http.get(API + "/pro/messages", pro(DOCTOR))).get("conversations").toString()).doesNotContain(conversation);
        Http.send("DELETE", API + "/espace/professionnels-bloques/" + DOCTOR, patient, null);
        // Every read and write is in the history, under the messaging rules
        JsonNode history = Http.json(Http.get(API + "/espace/historique?limite=100", patient)).get("acces");
        assertThat(history.toString()).contains("interlocuteur-conversation").contains("professionnel-bloque").contains("MESSAGES");
    }

    private static String code(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        return Http.json(response).get("code").asString();
    }

    private static int put(JsonNode upload, byte[] bytes) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upload.get("url").asString()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        upload.get("entetes").properties().forEach(h -> request.header(h.getKey(), h.getValue().asString()));
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String activated(String nir, String name) {
        String token = Http.token(API, "patient", "sujet=citoyen-" + UUID.randomUUID());
        var response = Http.send("POST", API + "/espace/activation", token, "{\"ins\":\"" + nir + "\",\"dateNaissance\":\""
                + Registry.BIRTH_DATE + "\",\"nomNaissance\":\"" + name + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return token;
    }

    private static String pro(String rpps) {
        return Http.token(API, "professional", "rpps=" + rpps + "&profession=medecin");
    }
}
