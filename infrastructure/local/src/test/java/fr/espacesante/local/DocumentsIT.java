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
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The shared medical record through the gateway: uploads through real pre-signed URLs (java.net.http,
 * not the SDK), the check after upload, refusals, and who sees what.
 */
class DocumentsIT {

    private static final LocalStack STACK = LocalStackSupport.shared();
    private static final String API = STACK.gatewayUrl();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final int BASE = 240_000 + (int) (Math.random() * 50_000);
    private static final String NIR = Registry.nir(BASE);
    private static final String EMAIL = "dmp." + BASE + "@documents.example";
    private static final String AUTHOR = "10400000001";
    private static final String TREATING = "10400000002";
    private static final String CONSENTING = "10400000003";
    private static String patient;

    @BeforeAll
    static void space() {
        Registry.importLines(STACK, "registre/dmp-" + BASE + ".csv", List.of(Registry.line(NIR, "Dossier", "Zoé", EMAIL)));
        patient = Http.token(API, "patient", "sujet=citoyen-" + UUID.randomUUID());
        assertThat(Http.send("POST", API + "/espace/activation", patient, "{\"ins\":\"" + NIR + "\",\"dateNaissance\":\""
                + Registry.BIRTH_DATE + "\",\"nomNaissance\":\"Dossier\"}").statusCode()).isEqualTo(200);
        assertThat(Http.send("PUT", API + "/espace/medecin-traitant", patient, "{\"rpps\":\"" + TREATING + "\"}")
                .statusCode()).isEqualTo(200);
        var consent = Http.send("POST", API + "/pro/patients/consentement", pro(CONSENTING), "{\"ins\":\"" + NIR + "\"}");
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(201);
    }

    @Test
    void each_accepted_type_goes_through_a_presigned_upload_and_is_checked() throws Exception {
        List<Object[]> samples = List.of(
                new Object[] {"application/pdf", "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)},
                new Object[] {"image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0}},
                new Object[] {"image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'}},
                new Object[] {"text/plain", "Compte rendu : tension 12/8, poursuite du traitement.\n".getBytes(StandardCharsets.UTF_8)},
                new Object[] {"application/hl7-cda+xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ClinicalDocument "
                        + "xmlns=\"urn:hl7-org:v3\"><title>Compte rendu</title></ClinicalDocument>").getBytes(StandardCharsets.UTF_8)},
                new Object[] {"application/fhir+json", "{\"resourceType\":\"Observation\",\"status\":\"final\"}"
                        .getBytes(StandardCharsets.UTF_8)});
        int mails = Mailbox.to(STACK, EMAIL).size();
        for (Object[] sample : samples) {
            String type = (String) sample[0];
            byte[] bytes = (byte[]) sample[1];
            JsonNode document = upload(pro(AUTHOR), type, bytes, "biologie", false);
            assertThat(document.get("statut").asString()).as(type).isEqualTo("AVAILABLE");
            assertThat(document.get("sha256").asString()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(bytes)));
            // The patient downloads it through a pre-signed GET
            String url = Http.json(Http.get(API + "/espace/documents/" + document.get("id").asString() + "/telechargement",
                    patient)).get("url").asString();
            assertThat(CLIENT.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body()).isEqualTo(bytes);
        }
        // The patient was told each time, never with the title or content
        List<JsonNode> notices = Mailbox.to(STACK, EMAIL).subList(mails, Mailbox.to(STACK, EMAIL).size());
        assertThat(notices).hasSize(6).allSatisfy(m -> {
            assertThat(m.get("subject").asString()).isEqualTo("Un nouveau document dans votre espace santé");
            assertThat(m.get("body").get("text").asString()).doesNotContain("Compte rendu").doesNotContain("biologie");
        });
    }

    @Test
    void bytes_written_again_with_the_upload_url_after_the_check_are_never_served() throws Exception {
        // GIVEN a PDF checked and available
        String author = pro(AUTHOR);
        byte[] checked = "%PDF-1.7\n1 0 obj << /Titre (bilan) >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] swapped = "%PDF-1.7\n1 0 obj << /Titre (autre) >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(swapped).hasSameSizeAs(checked);
        var response = Http.send("POST", API + "/pro/documents", author, deposit("application/pdf", checked.length, "biologie", false));
        JsonNode grant = Http.json(response);
        String id = grant.get("document").get("id").asString();
        assertThat(put(grant, checked)).isEqualTo(200);
        STACK.awaitS3Events();

        // WHEN the same pre-signed PUT, still valid, writes other bytes of the same size and type
        assertThat(put(grant, swapped)).isEqualTo(200);
        STACK.awaitS3Events();

        // THEN the download still serves the checked bytes, with the recorded SHA-256, and the late write is gone
        JsonNode status = Http.json(Http.send("POST", API + "/pro/documents/statut", author,
                "{\"ins\":\"" + NIR + "\",\"documentId\":\"" + id + "\"}"));
        assertThat(status.get("statut").asString()).isEqualTo("AVAILABLE");
        assertThat(status.get("sha256").asString()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(checked)));
        String url = Http.json(Http.get(API + "/espace/documents/" + id + "/telechargement", patient)).get("url").asString();
        assertThat(CLIENT.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()).body()).isEqualTo(checked);
        assertThat(STACK.s3().listObjectsV2(b -> b.bucket(STACK.physicalName("DocumentsBucket")).prefix("documents/"))
                .contents()).noneMatch(o -> o.key().endsWith(id));
    }

    @Test
    void disguised_oversized_and_expired_uploads_are_refused_and_leave_no_object() throws Exception {
        String author = pro(AUTHOR);
        JsonNode exe = upload(author, "application/pdf", concat("MZ".getBytes(StandardCharsets.US_ASCII), new byte[64]), "autre", false);
        assertThat(exe.get("statut").asString()).isEqualTo("REJECTED");
        assertThat(exe.get("motifRejet").asString()).startsWith("contenu non reconnu");
        JsonNode html = upload(author, "application/pdf",
                "<!DOCTYPE html><html><body>facture</body></html>".getBytes(StandardCharsets.UTF_8), "autre", false);
        assertThat(html.get("statut").asString()).isEqualTo("REJECTED");
        JsonNode badXml = upload(author, "application/hl7-cda+xml",
                "<?xml version=\"1.0\"?><html xmlns=\"urn:hl7-org:v3\"/>".getBytes(StandardCharsets.UTF_8), "autre", false);
        assertThat(badXml.get("statut").asString()).isEqualTo("REJECTED");
        for (JsonNode rejected : List.of(exe, html, badXml)) {
            assertThat(STACK.s3().listObjectsV2(b -> b.bucket(STACK.physicalName("DocumentsBucket"))
                    .prefix("documents/")).contents()).noneMatch(o -> o.key().endsWith(rejected.get("id").asString()));
        }
        // Too big: refused before any URL is signed
        var tooBig = Http.send("POST", API + "/pro/documents", author, deposit("application/pdf", 25L * 1024 * 1024, "autre", false));
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(Http.json(tooBig).get("code").asString()).isEqualTo("TAILLE_INVALIDE");
        // More bytes than declared: the signed length does not match, S3 refuses
        JsonNode grant = Http.json(Http.send("POST", API + "/pro/documents", author, deposit("text/plain", 10, "autre", false)));
        assertThat(put(grant, "bien plus de dix octets".getBytes(StandardCharsets.UTF_8))).isEqualTo(403);
        // An unknown type: refused at once
        var zip = Http.send("POST", API + "/pro/documents", author, deposit("application/zip", 100, "autre", false));
        assertThat(Http.json(zip).get("code").asString()).isEqualTo("TYPE_NON_ACCEPTE");
    }

    @Test
    void held_back_hidden_and_deleted_documents_as_each_actor_sees_them() throws Exception {
        byte[] pdf = "%PDF-1.4\nresultat\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        String heldBack = upload(pro(AUTHOR), "application/pdf", pdf, "biologie", true).get("id").asString();
        String ordinary = upload(pro(AUTHOR), "application/pdf", pdf, "ordonnance", false).get("id").asString();

        // Filters: by category and by date-of-care range
        assertThat(ids(Http.get(API + "/espace/documents?categorie=ordonnance&limite=100", patient))).contains(ordinary)
                .doesNotContain(heldBack);
        assertThat(ids(Http.get(API + "/espace/documents?du=2026-11-20&au=2026-11-20&limite=100", patient))).contains(ordinary);
        assertThat(ids(Http.get(API + "/espace/documents?du=2026-11-21&limite=100", patient))).doesNotContain(ordinary);
        assertThat(Http.json(Http.get(API + "/espace/documents?categorie=radio", patient)).get("code").asString())
                .isEqualTo("CATEGORIE_INCONNUE");

        // Held back: not listed for the patient, refused on download, until the author releases it
        assertThat(patientList()).doesNotContain(heldBack).contains(ordinary);
        var refused = Http.get(API + "/espace/documents/" + heldBack + "/telechargement", patient);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Http.json(refused).get("regle").asString()).isEqualTo("document-en-attente");
        assertThat(Http.send("POST", API + "/pro/documents/liberation", pro(CONSENTING),
                "{\"ins\":\"" + NIR + "\",\"documentId\":\"" + heldBack + "\"}").statusCode()).isEqualTo(403);
        assertThat(Http.send("POST", API + "/pro/documents/liberation", pro(AUTHOR),
                "{\"ins\":\"" + NIR + "\",\"documentId\":\"" + heldBack + "\"}").statusCode()).isEqualTo(200);
        assertThat(patientList()).contains(heldBack);

        // Hidden by the patient: the consenting professional no longer sees it; author and treating doctor do
        assertThat(Http.send("PUT", API + "/espace/documents/" + ordinary + "/masquage", patient, "{\"masque\":true}")
                .statusCode()).isEqualTo(200);
        assertThat(proList(CONSENTING)).doesNotContain(ordinary).contains(heldBack);
        assertThat(proList(TREATING)).contains(ordinary);
        assertThat(proList(AUTHOR)).contains(ordinary);
        assertThat(Http.send("POST", API + "/pro/documents/telechargement", pro(CONSENTING),
                "{\"ins\":\"" + NIR + "\",\"documentId\":\"" + ordinary + "\"}").statusCode()).isEqualTo(403);

        // An emergency physician reads under bris-de-glace with a written justification, not without
        String urgentist = Http.token(API, "professional", "rpps=10400000007&profession=medecin&urgence=true");
        assertThat(Http.send("POST", API + "/pro/documents/recherche", urgentist, "{\"ins\":\"" + NIR + "\"}")
                .statusCode()).isEqualTo(403);
        var emergency = Http.send("POST", API + "/pro/documents/recherche", urgentist, "{\"ins\":\"" + NIR
                + "\",\"justificationUrgence\":\"Patiente inconsciente aux urgences, bilan requis\"}");
        assertThat(ids(emergency)).contains(heldBack).doesNotContain(ordinary);

        // A stranger sees nothing, and that refusal is in the history too
        assertThat(Http.send("POST", API + "/pro/documents/recherche", pro("10400000009"), "{\"ins\":\"" + NIR + "\"}")
                .statusCode()).isEqualTo(403);

        // Replaced by its author: the new version is listed, the old one is kept as REPLACED
        byte[] v2 = "%PDF-1.4\nresultat corrige\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        var replacement = Http.json(Http.send("POST", API + "/pro/documents/remplacement", pro(AUTHOR),
                deposit("application/pdf", v2.length, "biologie", false).replace("{", "{\"documentId\":\"" + heldBack + "\",")));
        assertThat(Http.send("POST", API + "/pro/documents/remplacement", pro(CONSENTING),
                deposit("application/pdf", v2.length, "biologie", false).replace("{", "{\"documentId\":\"" + heldBack + "\","))
                .statusCode()).as("only the author replaces").isEqualTo(403);
        assertThat(put(replacement, v2)).isEqualTo(200);
        STACK.awaitS3Events();
        String v2Id = replacement.get("document").get("id").asString();
        assertThat(patientList()).contains(v2Id).doesNotContain(heldBack);
        assertThat(Http.json(Http.send("POST", API + "/pro/documents/statut", pro(AUTHOR),
                "{\"ins\":\"" + NIR + "\",\"documentId\":\"" + heldBack + "\"}")).get("statut").asString()).isEqualTo("REPLACED");

        // An expired upload URL is refused by S3 (validity shortened to 1 s for the test)
        var storage = adapters().documentStorage();
        var ticket = storage.presignUpload("documents/" + UUID.randomUUID() + "/expire",
                fr.espacesante.domain.document.DocumentType.TEXT, 4, java.time.Duration.ofSeconds(1));
        Thread.sleep(2_000);
        HttpRequest.Builder late = HttpRequest.newBuilder(ticket.url()).PUT(HttpRequest.BodyPublishers.ofString("test"));
        ticket.headers().forEach(late::header);
        assertThat(CLIENT.send(late.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);

        // Deleted by the patient: gone for everyone, its bytes too
        assertThat(Http.send("DELETE", API + "/espace/documents/" + ordinary, patient, null).statusCode()).isEqualTo(200);
        assertThat(patientList()).doesNotContain(ordinary);
        assertThat(proList(AUTHOR)).doesNotContain(ordinary);

        // Every listing, download and change is in the patient's history
        JsonNode history = Http.json(Http.get(API + "/espace/historique?limite=100", patient));
        List<String> elements = new ArrayList<>();
        history.get("acces").forEach(e -> elements.add(e.get("element").asString() + "/" + e.get("regle").asString()));
        assertThat(elements).contains("liste-documents/titulaire", "liste-documents/sans-autorisation",
                "liste-documents/bris-de-glace",
                heldBack + "/document-en-attente", ordinary + "/document-masque", ordinary + "/titulaire");
    }

    @Test
    void a_minors_documents_as_the_parent_the_professionals_and_the_other_parent_see_them() throws Exception {
        String child = Registry.childNir(BASE);
        String father = Registry.nir(BASE + 1);
        Registry.importLines(STACK, "registre/dmp-famille-" + BASE + ".csv", List.of(
                Registry.childLine(child, "Dossier", "Léo"), Registry.line(father, "Martin", "Paul", null)));
        String proof = "\"ins\":\"" + child + "\",\"dateNaissance\":\"" + Registry.CHILD_BIRTH_DATE + "\",\"nomNaissance\":\"DOSSIER\"";

        // Attaching: never without the other parent's agreement, never an adult, once, to one parent only
        var noAgreement = Http.send("POST", API + "/espace/enfants", patient, "{" + proof + "}");
        assertThat(noAgreement.statusCode()).isEqualTo(400);
        assertThat(Http.json(noAgreement).get("code").asString()).isEqualTo("ACCORD_MANQUANT");
        var adult = Http.send("POST", API + "/espace/enfants", patient, "{\"ins\":\"" + father + "\",\"dateNaissance\":\""
                + Registry.BIRTH_DATE + "\",\"nomNaissance\":\"Martin\",\"accordAutreParent\":\"Paul Martin\"}");
        assertThat(Http.json(adult).get("code").asString()).isEqualTo("PERSONNE_MAJEURE");
        var attached = Http.send("POST", API + "/espace/enfants", patient, "{" + proof + ",\"accordAutreParent\":\"Paul Martin\"}");
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        String reference = Http.json(attached).get("reference").asString();
        assertThat(Http.json(Http.send("POST", API + "/espace/enfants", patient, "{" + proof + ",\"accordAutreParent\":\"Paul Martin\"}"))
                .get("reference").asString()).as("attaching again changes nothing").isEqualTo(reference);
        JsonNode children = Http.json(Http.get(API + "/espace/enfants", patient)).get("enfants");
        assertThat(children).hasSize(1);
        assertThat(children.get(0).get("prenoms").asString()).isEqualTo("Léo");
        assertThat(children.get(0).get("accord").asString()).isEqualTo("ACCORD_AUTRE_PARENT");
        assertThat(children.get(0).get("majeur").asBoolean()).isFalse();

        String fatherToken = Http.token(API, "patient", "sujet=citoyen-" + UUID.randomUUID());
        assertThat(Http.send("POST", API + "/espace/activation", fatherToken, "{\"ins\":\"" + father + "\",\"dateNaissance\":\""
                + Registry.BIRTH_DATE + "\",\"nomNaissance\":\"Martin\"}").statusCode()).isEqualTo(200);
        var second = Http.send("POST", API + "/espace/enfants", fatherToken, "{" + proof + ",\"autoriteParentaleExclusive\":true}");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(Http.json(second).get("code").asString()).isEqualTo("ENFANT_DEJA_RATTACHE");
        var notHisChild = Http.get(API + "/espace/documents?enfant=" + reference, fatherToken);
        assertThat(notHisChild.statusCode()).as("a reference is bound to its parent").isEqualTo(404);
        assertThat(Http.json(notHisChild).get("code").asString()).isEqualTo("ENFANT_INCONNU");

        // A professional deposits in the child's space, one document flagged as hidden from the parents
        byte[] pdf = "%PDF-1.4\nconsultation\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        int mails = Mailbox.to(STACK, EMAIL).size();
        String shared = upload(pro(AUTHOR), child, "application/pdf", pdf, "compte-rendu-consultation", false, false)
                .get("id").asString();
        JsonNode confidential = upload(pro(AUTHOR), child, "application/pdf", pdf, "compte-rendu-consultation", false, true);
        assertThat(confidential.get("masqueAuxRepresentants").asBoolean()).isTrue();
        String hidden = confidential.get("id").asString();
        // The parent is told of the shared one only: even the arrival of the other is not theirs to know
        assertThat(Mailbox.to(STACK, EMAIL).subList(mails, Mailbox.to(STACK, EMAIL).size()))
                .extracting(m -> m.get("subject").asString())
                .containsExactly("Un nouveau document dans l'espace santé de votre enfant");

        // The parent, acting for the child, sees the shared one only; their own list is their own
        assertThat(ids(Http.get(API + "/espace/documents?enfant=" + reference + "&limite=100", patient)))
                .containsExactly(shared);
        assertThat(patientList()).doesNotContain(shared, hidden);
        assertThat(Http.get(API + "/espace/documents/" + shared + "/telechargement?enfant=" + reference, patient).statusCode())
                .isEqualTo(200);
        var refusedToParent = Http.get(API + "/espace/documents/" + hidden + "/telechargement?enfant=" + reference, patient);
        assertThat(refusedToParent.statusCode()).isEqualTo(403);
        assertThat(Http.json(refusedToParent).get("regle").asString()).isEqualTo("document-masque-representants");
        assertThat(Http.get(API + "/espace/documents?enfant=" + reference, fatherToken).statusCode()).isEqualTo(404);

        // Professionals: the flag is about the parents only — the author sees both, a stranger nothing
        var authorView = Http.send("POST", API + "/pro/documents/recherche", pro(AUTHOR), "{\"ins\":\"" + child + "\"}");
        assertThat(ids(authorView)).contains(shared, hidden);
        assertThat(Http.send("POST", API + "/pro/documents/recherche", pro("10400000009"), "{\"ins\":\"" + child + "\"}")
                .statusCode()).isEqualTo(403);

        // The parent blocks the author for the child: the documents function saw the space a moment
        // ago, yet the very next listing is refused (the decision is recorded on the space's version)
        assertThat(Http.send("PUT", API + "/espace/professionnels-bloques/" + AUTHOR + "?enfant=" + reference, patient, null)
                .statusCode()).isEqualTo(200);
        var blocked = Http.send("POST", API + "/pro/documents/recherche", pro(AUTHOR), "{\"ins\":\"" + child + "\"}");
        assertThat(blocked.statusCode()).isEqualTo(403);
        assertThat(Http.json(blocked).get("regle").asString()).isEqualTo("professionnel-bloque");
        assertThat(Http.send("DELETE", API + "/espace/professionnels-bloques/" + AUTHOR + "?enfant=" + reference, patient, null)
                .statusCode()).isEqualTo(200);
        assertThat(ids(Http.send("POST", API + "/pro/documents/recherche", pro(AUTHOR), "{\"ins\":\"" + child + "\"}")))
                .contains(shared, hidden);

        // The parent sees the child's access history, where each of these decisions is recorded
        JsonNode history = Http.json(Http.get(API + "/espace/historique?limite=100&enfant=" + reference, patient));
        List<String> elements = new ArrayList<>();
        history.get("acces").forEach(e -> elements.add(e.get("element").asString() + "/" + e.get("regle").asString()));
        assertThat(elements).contains("rattachement/representant-legal", "liste-documents/representant-legal",
                shared + "/representant-legal", hidden + "/document-masque-representants", "liste-documents/sans-autorisation");
        assertThat(Http.get(API + "/espace/historique?enfant=" + reference, fatherToken).statusCode()).isEqualTo(404);
    }

    private static fr.espacesante.aws.AwsAdapters adapters() {
        var env = STACK.functionEnvironment("DocumentsFunction");
        return new fr.espacesante.aws.AwsAdapters(name -> java.util.Objects.requireNonNull(env.get(name), name));
    }

    private static List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        Http.json(response).get("documents").forEach(d -> ids.add(d.get("id").asString()));
        return ids;
    }

    private static List<String> patientList() {
        List<String> ids = new ArrayList<>();
        Http.json(Http.get(API + "/espace/documents?limite=100", patient)).get("documents").forEach(d -> ids.add(d.get("id").asString()));
        return ids;
    }

    private static List<String> proList(String rpps) {
        List<String> ids = new ArrayList<>();
        var response = Http.send("POST", API + "/pro/documents/recherche", pro(rpps), "{\"ins\":\"" + NIR + "\",\"limite\":\"100\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Http.json(response).get("documents").forEach(d -> ids.add(d.get("id").asString()));
        return ids;
    }

    /** Asks for an upload, PUTs the bytes with the signed headers, waits for the check, reads the status. */
    private static JsonNode upload(String token, String type, byte[] bytes, String category, boolean heldBack) throws Exception {
        return upload(token, NIR, type, bytes, category, heldBack, false);
    }

    private static JsonNode upload(String token, String ins, String type, byte[] bytes, String category, boolean heldBack,
                                   boolean hiddenFromParents) throws Exception {
        var response = Http.send("POST", API + "/pro/documents", token,
                deposit(ins, type, bytes.length, category, heldBack, hiddenFromParents));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode grant = Http.json(response);
        assertThat(put(grant, bytes)).isEqualTo(200);
        STACK.awaitS3Events();
        return Http.json(Http.send("POST", API + "/pro/documents/statut", token,
                "{\"ins\":\"" + ins + "\",\"documentId\":\"" + grant.get("document").get("id").asString() + "\"}"));
    }

    private static int put(JsonNode grant, byte[] bytes) throws Exception {
        JsonNode upload = grant.get("televersement");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upload.get("url").asString()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        upload.get("entetes").properties().forEach(h -> request.header(h.getKey(), h.getValue().asString()));
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String deposit(String type, long size, String category, boolean heldBack) {
        return deposit(NIR, type, size, category, heldBack, false);
    }

    private static String deposit(String ins, String type, long size, String category, boolean heldBack,
                                  boolean hiddenFromParents) {
        return "{\"ins\":\"" + ins + "\",\"categorie\":\"" + category + "\",\"codeLoinc\":\"11502-2\",\"dateSoins\":\"2026-11-20\","
                + "\"titre\":\"Compte rendu\",\"typeContenu\":\"" + type + "\",\"taille\":" + size
                + ",\"retenuJusquAnnonce\":" + heldBack + ",\"masqueAuxRepresentants\":" + hiddenFromParents + "}";
    }

    private static String pro(String rpps) {
        return Http.token(API, "professional", "rpps=" + rpps + "&profession=medecin");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
