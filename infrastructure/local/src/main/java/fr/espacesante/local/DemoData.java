package fr.espacesante.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo: the registry file dropped into the import bucket (the import function imports it), then,
 * through the API as its clients would use it, a demo patient whose space is worth looking at — a
 * treating doctor, documents deposited by demo professionals (small PDFs through real pre-signed
 * uploads and the real intake), an access history — and a demo parent with a child attached.
 * Done once per data folder: an existing demo patient is left as it is.
 */
public final class DemoData {

    static final String DEMO_FILE = "events/population-import/population-demo.csv";
    /** The logins to type on the local identity provider's page. */
    static final String PATIENT_LOGIN = "patient-demo";
    static final String PARENT_LOGIN = "parent-demo";
    static final String DOCTOR_RPPS = "10000000001";
    static final String LAB_RPPS = "10000000002";

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private DemoData() {
    }

    /** The referential shipped with the project, which an operator loads through the API. */
    public static final String CATALOGUE_FILE = "catalogue/referentiel.json";

    /**
     * Loads the catalogue's referential as an operator does: {@code POST /admin/catalogue} with the file.
     *
     * @return the route's answer (what was created, changed, unchanged)
     */
    public static String loadCatalogue(LocalStack stack, Path root) {
        try {
            String operator = stack.issuers().operatorToken(stack.parameter("AdminAudience"), stack.parameter("AdminScope"), "demo");
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/admin/catalogue"))
                    .header("authorization", "Bearer " + operator).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(root.resolve(CATALOGUE_FILE))).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the catalogue was refused: " + answer.statusCode() + " " + answer.body());
            }
            return answer.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void load(LocalStack stack, Path root) {
        if (Files.isRegularFile(root.resolve(CATALOGUE_FILE))) {
            loadCatalogue(stack, root);
        }
        Path file = root.resolve(DEMO_FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        String bucket = stack.physicalName("ImportBucket");
        stack.s3().putObject(b -> b.bucket(bucket).key("demo/population-demo.csv").contentType("text/csv; charset=utf-8"),
                RequestBody.fromFile(file));
        stack.awaitS3Events();
        try {
            List<String[]> persons = Files.readAllLines(file).stream().skip(1).map(l -> l.split(";", -1)).toList();
            new Scenario(stack).play(persons.get(0), persons.get(1), persons.getLast());
        } catch (IOException | RuntimeException e) {
            // The stack stays usable without the demo space.
            LOG.warn("demo spaces not prepared: {}", e.getClass().getSimpleName());
        }
    }

    /** Persons of the demo registry: NIR, birth name, first names, birth date. */
    private record Scenario(LocalStack stack) {

        void play(String[] patient, String[] parent, String[] child) throws IOException {
            String patientToken = stack.issuers().patientToken(stack.parameter("CitizenAudience"), PATIENT_LOGIN,
                    patient[2].split(" ")[0], patient[1]);
            if (call("GET", "/espace", patientToken, null).statusCode() == 200) {
                return;
            }
            expect(call("POST", "/espace/activation", patientToken, identity(patient)), 200);
            expect(call("PUT", "/espace/medecin-traitant", patientToken, Map.of("rpps", DOCTOR_RPPS)), 200);
            String doctor = stack.issuers().professionalToken(stack.parameter("ProfessionalAudience"), DOCTOR_RPPS, "medecin", false);
            String lab = stack.issuers().professionalToken(stack.parameter("ProfessionalAudience"), LAB_RPPS, "biologiste", false);
            expect(call("POST", "/pro/patients/ouverture", doctor, Map.of("ins", patient[0])), 200);
            LocalDate today = LocalDate.now();
            deposit(doctor, patient[0], "compte-rendu-consultation", "Compte rendu de consultation", today.minusDays(12),
                    "Consultation de suivi. Tension 12/8. Poursuite du traitement.");
            deposit(doctor, patient[0], "ordonnance", "Ordonnance", today.minusDays(12),
                    "Paracétamol 1 g, trois fois par jour pendant cinq jours.");
            expect(call("POST", "/pro/patients/consentement", lab, Map.of("ins", patient[0])), 201);
            deposit(lab, patient[0], "biologie", "Bilan sanguin", today.minusDays(5),
                    "Numération formule sanguine : résultats dans les valeurs de référence.");
            call("GET", "/espace/documents", patientToken, null);
            // A message of the treating doctor, unread, who also accepts messages from their patients
            expect(call("POST", "/pro/messages", doctor, Map.of("ins", patient[0], "sujet", "Résultats de votre bilan",
                    "texte", "Bonjour,\nvos résultats sont normaux. Nous en reparlerons à votre prochaine consultation.")), 201);
            expect(call("PUT", "/pro/messages/reglages", doctor, Map.of("accepteMessagesPatients", true)), 200);

            String parentToken = stack.issuers().patientToken(stack.parameter("CitizenAudience"), PARENT_LOGIN,
                    parent[2].split(" ")[0], parent[1]);
            expect(call("POST", "/espace/activation", parentToken, identity(parent)), 200);
            Map<String, Object> attach = new java.util.LinkedHashMap<>(identity(child));
            attach.put("accordAutreParent", "Marc " + child[1]);
            expect(call("POST", "/espace/enfants", parentToken, attach), 201);
        }

        private static Map<String, Object> identity(String[] person) {
            return Map.of("ins", person[0], "dateNaissance", person[3], "nomNaissance", person[1]);
        }

        /** Declared to the API, sent to the pre-signed URL with its signed headers, checked by the intake. */
        private void deposit(String token, String ins, String category, String title, LocalDate careDate, String text)
                throws IOException {
            byte[] pdf = pdf(title, text);
            HttpResponse<String> declared = expect(call("POST", "/pro/documents", token, Map.of("ins", ins,
                    "categorie", category, "dateSoins", careDate.toString(), "titre", title,
                    "typeContenu", "application/pdf", "taille", pdf.length)), 201);
            JsonNode upload = JSON.readTree(declared.body()).get("televersement");
            HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.get("url").asString()))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf));
            upload.get("entetes").properties().forEach(h -> put.header(h.getKey(), h.getValue().asString()));
            send(put.build());
            stack.awaitS3Events();
        }

        private static byte[] pdf(String title, String text) throws IOException {
            try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 16);
                    content.newLineAtOffset(72, 720);
                    content.showText(title + " (démonstration)");
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                    content.newLineAtOffset(0, -28);
                    content.showText(text);
                    content.endText();
                }
                document.save(out);
                return out.toByteArray();
            }
        }

        private HttpResponse<String> call(String method, String path, String token, Object body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                    .header("authorization", "Bearer " + token).header("content-type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
            return send(request.build());
        }

        private static HttpResponse<String> send(HttpRequest request) {
            try {
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException("demo request failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
            if (response.statusCode() != status) {
                throw new IllegalStateException("demo step answered " + response.statusCode());
            }
            return response;
        }
    }
}
