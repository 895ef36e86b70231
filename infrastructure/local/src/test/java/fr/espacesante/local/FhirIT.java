package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import fr.espacesante.local.support.Http;
import fr.espacesante.local.support.LocalStackSupport;
import fr.espacesante.local.support.Registry;
import fr.espacesante.local.support.ServiceTokens;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The catalogue and the FHIR R4 API as a connected service meets them, through the gateway with
 * HAPI's generic client and a client-credentials token: the operator loads the referential, a
 * patient connects « Carnet Poids » for two purposes, the service writes three weights, searches
 * them by code and date, reads an appointment and lists the documents of the granted category;
 * then everything outside the grant, a suspended service and a revoked grant are refused with an
 * {@code OperationOutcome} and recorded.
 */
class FhirIT {

    private static final LocalStack STACK = LocalStackSupport.shared();
    private static final String API = STACK.gatewayUrl();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String TREATING = "10600000001";
    private static final String ALL_SCOPES = "patient/Patient.rs patient/Observation.rs patient/Observation.cu patient/Appointment.rs "
            + "patient/Appointment.cu patient/DocumentReference.rs";

    @Test
    void a_connected_service_reads_and_writes_what_the_patient_allowed_and_nothing_else() throws Exception {
        // The operator loads the referential shipped with the project; loading it again changes nothing
        DemoData.loadCatalogue(STACK, LocalStackSupport.projectRoot());
        JsonNode again = Http.JSON.readTree(DemoData.loadCatalogue(STACK, LocalStackSupport.projectRoot()));
        assertThat(again.get("crees").asInt() + again.get("nouvellesVersions").asInt()).isZero();

        int base = 500_000 + (int) (Math.random() * 90_000);
        String nir = Registry.nir(base);
        Registry.importLines(STACK, "registre/fhir-" + base + ".csv", List.of(Registry.line(nir, "Fhir", "Flora", null)));
        String patient = Http.token(API, "patient", "sujet=citoyen-" + UUID.randomUUID());
        var activated = Http.send("POST", API + "/espace/activation", patient, "{\"ins\":\"" + nir + "\",\"dateNaissance\":\""
                + Registry.BIRTH_DATE + "\",\"nomNaissance\":\"Fhir\"}");
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);

        // Search: accents and case ignored, by category, online services only
        assertThat(Http.get(API + "/espace/catalogue?texte=POIDS", patient).body()).contains("carnet-poids");
        assertThat(Http.get(API + "/espace/catalogue?texte=" + URLEncoder.encode("équilibre", StandardCharsets.UTF_8), patient).body())
                .isEqualTo(Http.get(API + "/espace/catalogue?texte=equilibre", patient).body());
        assertThat(Http.get(API + "/espace/catalogue?categorie=prevention", patient).body()).contains("carnet-poids")
                .doesNotContain("podometre-ancien", "tension-classique");

        // Connecting: refused inputs, then two purposes
        List<String> refused = new ArrayList<>();
        refused.add(code(Http.send("POST", API + "/espace/services/inconnu-total", patient, "{\"finalites\":[\"prevention\"]}")));
        refused.add(code(Http.send("POST", API + "/espace/services/podometre-ancien", patient, "{\"finalites\":[\"prevention\"]}")));
        refused.add(code(Http.send("POST", API + "/espace/services/carnet-poids", patient, "{\"finalites\":[]}")));
        refused.add(code(Http.send("POST", API + "/espace/services/carnet-poids", patient, "{\"finalites\":[\"suivi-social\"]}")));
        refused.add(code(Http.send("POST", API + "/espace/services/carnet-poids", patient, "{\"finalites\":[\"loisirs\"]}")));
        var connected = Http.send("POST", API + "/espace/services/carnet-poids", patient, "{\"finalites\":[\"prevention\",\"soin\"]}");
        assertThat(connected.statusCode()).as(connected.body()).isEqualTo(201);
        String pseudonym = Http.json(connected).get("patient").asString();
        assertThat(pseudonym).hasSize(22).doesNotContain(nir);

        // Something to read: an appointment in the agenda, a consultation report and a prescription
        String day = LocalDate.now(PARIS).plusDays(15).toString();
        assertThat(Http.send("POST", API + "/espace/agenda", patient, "{\"type\":\"RENDEZ_VOUS\",\"titre\":\"Dr Nutrition\",\"date\":\""
                + day + "\",\"heure\":\"09:30\"}").statusCode()).isEqualTo(201);
        assertThat(Http.send("PUT", API + "/espace/medecin-traitant", patient, "{\"rpps\":\"" + TREATING + "\"}").statusCode())
                .isEqualTo(200);
        deposit(nir, "compte-rendu-consultation", "Compte rendu de consultation de nutrition");
        deposit(nir, "ordonnance", "Ordonnance");

        // The service, as it would run: client credentials, then HAPI's generic client
        String token = serviceToken("carnet-poids", ALL_SCOPES);
        IGenericClient fhir = client(token);
        List<String> transcript = new ArrayList<>();
        assertThat(fhir.read().resource(Patient.class).withId(pseudonym).execute().getIdElement().getIdPart()).isEqualTo(pseudonym);
        transcript.add("read Patient/" + pseudonym.substring(0, 4) + "… 200");
        ZonedDateTime now = ZonedDateTime.now(PARIS);
        for (double kg : new double[] {70.2, 69.8, 69.5}) {
            MethodOutcome created = fhir.create().resource(weight(pseudonym, kg, now.minusDays((long) (kg * 10) % 5 + 1))).execute();
            assertThat(created.getCreated()).isTrue();
        }
        transcript.add("create Observation ×3 201");
        Bundle weights = fhir.search().forResource(Observation.class).where(Observation.PATIENT.hasId(pseudonym))
                .and(Observation.CODE.exactly().systemAndCode("http://loinc.org", "29463-7"))
                .and(Observation.DATE.afterOrEquals().day(now.minusDays(30).toLocalDate().toString()))
                .returnBundle(Bundle.class).execute();
        assertThat(weights.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(weights.getEntry()).hasSize(3);
        Observation first = (Observation) weights.getEntryFirstRep().getResource();
        assertThat(first.getValueQuantity().getCode()).isEqualTo("kg");
        assertThat(fhir.read().resource(Observation.class).withId(first.getIdElement().getIdPart()).execute().getValueQuantity().getValue())
                .isEqualByComparingTo(first.getValueQuantity().getValue());
        transcript.add("search Observation?code=29463-7&date=ge… 3 entries; read one 200");
        Bundle appointments = fhir.search().forResource(Appointment.class).where(Appointment.PATIENT.hasId(pseudonym))
                .returnBundle(Bundle.class).execute();
        assertThat(appointments.getEntry()).hasSize(1);
        Appointment appointment = fhir.read().resource(Appointment.class)
                .withId(appointments.getEntryFirstRep().getResource().getIdElement().getIdPart()).execute();
        assertThat(appointment.getDescription()).isEqualTo("Dr Nutrition");
        transcript.add("search Appointment 1 entry; read Appointment 200");
        Bundle reports = fhir.search().forResource(DocumentReference.class).where(DocumentReference.PATIENT.hasId(pseudonym))
                .and(DocumentReference.CATEGORY.exactly().code("compte-rendu-consultation")).returnBundle(Bundle.class).execute();
        assertThat(reports.getEntry()).hasSize(1);
        DocumentReference report = fhir.read().resource(DocumentReference.class)
                .withId(reports.getEntryFirstRep().getResource().getIdElement().getIdPart()).execute();
        assertThat(report.getContentFirstRep().getAttachment().getUrl()).startsWith("http");
        transcript.add("search DocumentReference?category=compte-rendu-consultation 1 entry; read with a download URL");

        // The profile and the history show the service's writes and reads, with its name and purposes
        assertThat(Http.get(API + "/espace/profil", patient).body()).contains("Carnet Poids");
        String history = Http.get(API + "/espace/historique?limite=100", patient).body();
        assertThat(history).contains("SERVICE", "Carnet Poids", "service-catalogue");

        // Refused: outside the grant, outside the token's scopes, bad bodies and parameters
        List<String> refusedCalls = new ArrayList<>();
        refusedCalls.add(refusal(() -> fhir.search().forResource(DocumentReference.class).where(DocumentReference.PATIENT.hasId(pseudonym))
                .and(DocumentReference.CATEGORY.exactly().code("ordonnance")).returnBundle(Bundle.class).execute()));
        refusedCalls.add(refusal(() -> fhir.search().forResource(Observation.class).where(Observation.PATIENT.hasId(pseudonym))
                .and(Observation.CODE.exactly().systemAndCode("http://loinc.org", "2339-0")).returnBundle(Bundle.class).execute()));
        IGenericClient readOnly = client(serviceToken("carnet-poids", "patient/Observation.rs"));
        refusedCalls.add(refusal(() -> readOnly.create().resource(weight(pseudonym, 69.0, now)).execute()));
        IGenericClient another = client(serviceToken("glycemie-sereine", ALL_SCOPES));
        refusedCalls.add(refusal(() -> another.read().resource(Patient.class).withId(pseudonym).execute()));
        Observation pounds = weight(pseudonym, 150, now);
        pounds.getValueQuantity().setCode("[lb_av]").setUnit("lb");
        refusedCalls.add(refusal(() -> fhir.create().resource(pounds).execute()));
        refusedCalls.add(refusal(() -> fhir.create().resource(weight(pseudonym, 900, now)).execute()));
        refusedCalls.add(raw("POST", "/fhir/Observation", token, "{\"resourceType\":\"Observation\",\"status\":\"nonsense\"}"));
        refusedCalls.add(raw("POST", "/fhir/Observation", token, "{\"resourceType\":\"Patient\",\"active\":true}"));
        refusedCalls.add(raw("GET", "/fhir/Observation?patient=" + pseudonym + "&code=29463-7&_sort=date", token, null));
        refusedCalls.add(raw("GET", "/fhir/Observation?patient=" + pseudonym, token, null));

        // The operator suspends the service: its next call is refused; reinstated, it works again
        String operator = Http.token(API, "operator", "agent=7");
        assertThat(Http.send("POST", API + "/admin/catalogue/carnet-poids/suspension", operator, null).statusCode()).isEqualTo(200);
        refusedCalls.add(refusal(() -> fhir.read().resource(Patient.class).withId(pseudonym).execute()));
        assertThat(Http.send("POST", API + "/admin/catalogue/carnet-poids/remise-en-ligne", operator, null).statusCode()).isEqualTo(200);
        assertThat(Http.get(API + "/admin/catalogue/carnet-poids/journal", operator).body()).contains("suspendu", "remis en ligne");
        // The patient revokes: at once, every call is refused and recorded
        assertThat(Http.send("DELETE", API + "/espace/services/carnet-poids", patient, null).statusCode()).isEqualTo(200);
        refusedCalls.add(refusal(() -> fhir.create().resource(weight(pseudonym, 69.1, now)).execute()));
        transcript.add("refused " + refusedCalls);
        System.out.println("FhirIT connect refused: " + refused);
        System.out.println("FhirIT HAPI client transcript: " + transcript);
        assertThat(refused).containsExactly("SERVICE_INCONNU", "SERVICE_INDISPONIBLE", "FINALITE_MANQUANTE", "FINALITE_NON_PROPOSEE",
                "FINALITE_INCONNUE");
        assertThat(refusedCalls).containsExactly("403 hors-autorisation-service", "403 hors-autorisation-service",
                "403 hors-autorisation-service", "404 SERVICE_NON_CONNECTE", "400 UNITE_NON_UCUM", "400 VALEUR_HORS_LIMITES",
                "400 RESSOURCE_INVALIDE", "400 TYPE_RESSOURCE", "400 PARAMETRE_NON_PRIS_EN_CHARGE", "400 PARAMETRE_MANQUANT",
                "403 service-suspendu", "403 hors-autorisation-service");
        assertThat(Http.json(Http.get(API + "/espace/profil", patient)).toString()).doesNotContain("69.1");
        assertThat(Http.get(API + "/espace/historique?limite=100", patient).body()).contains("service-suspendu", "hors-autorisation-service");
    }

    private static Observation weight(String pseudonym, double kg, ZonedDateTime at) {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.getCode().addCoding().setSystem("http://loinc.org").setCode("29463-7").setDisplay("Body weight");
        o.setSubject(new Reference("Patient/" + pseudonym));
        o.setEffective(new org.hl7.fhir.r4.model.DateTimeType(Date.from(at.toInstant())));
        o.setValue(new Quantity().setValue(BigDecimal.valueOf(kg)).setUnit("kg").setSystem("http://unitsofmeasure.org").setCode("kg"));
        return o;
    }

    private static IGenericClient client(String token) {
        FhirContext context = FhirContext.forR4Cached();
        context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        IGenericClient client = context.newRestfulGenericClient(API + "/fhir");
        client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        return client;
    }

    /** OAuth2 client credentials at the services issuer's token endpoint, as a referenced service gets its token. */
    private static String serviceToken(String clientId, String scopes) {
        return ServiceTokens.token(STACK, clientId, scopes);
    }

    /** Status and the rule (403) or code (other 4xx) an OperationOutcome gives; the client sees it as an exception. */
    private static String refusal(Runnable call) {
        try {
            call.run();
        } catch (BaseServerResponseException e) {
            OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
            assertThat(outcome).as("an OperationOutcome").isNotNull();
            assertThat(outcome.getIssueFirstRep().getDiagnostics()).isNotBlank();
            var details = outcome.getIssueFirstRep().getDetails();
            return e.getStatusCode() + " " + (details.hasCoding() ? details.getCodingFirstRep().getCode() : details.getText());
        }
        throw new AssertionError("accepted");
    }

    private static String raw(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(API + path)).header("authorization", "Bearer " + token)
                .header("content-type", "application/fhir+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> answer = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode outcome = Http.JSON.readTree(answer.body());
        assertThat(outcome.get("resourceType").asString()).isEqualTo("OperationOutcome");
        JsonNode details = outcome.get("issue").get(0).get("details");
        return answer.statusCode() + " " + (details.has("coding") ? details.get("coding").get(0).get("code") : details.get("text")).asString();
    }

    private static void deposit(String ins, String category, String title) throws Exception {
        String doctor = Http.token(API, "professional", "rpps=" + TREATING + "&profession=medecin");
        byte[] text = ("Document de test : " + title).getBytes(StandardCharsets.UTF_8);
        var response = Http.send("POST", API + "/pro/documents", doctor, "{\"ins\":\"" + ins + "\",\"categorie\":\"" + category
                + "\",\"dateSoins\":\"2026-11-20\",\"titre\":\"" + title + "\",\"typeContenu\":\"text/plain\",\"taille\":" + text.length + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode upload = Http.json(response).get("televersement");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.get("url").asString())).PUT(HttpRequest.BodyPublishers.ofByteArray(text));
        upload.get("entetes").properties().forEach(h -> put.header(h.getKey(), h.getValue().asString()));
        assertThat(CLIENT.send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        STACK.awaitS3Events();
    }

    private static String code(HttpResponse<String> response) {
        if (response.statusCode() < 400 || response.statusCode() >= 500) {
            return null;
        }
        return Http.json(response).get("code").asString();
    }
}
