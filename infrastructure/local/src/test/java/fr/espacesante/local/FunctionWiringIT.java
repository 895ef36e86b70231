package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.local.support.Http;
import fr.espacesante.local.support.LocalStackSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** Each function through FunctionInvoker with the raw event files of events/ (those `sam local invoke -e` takes). */
class FunctionWiringIT {

    private final LocalStack stack = LocalStackSupport.shared();
    private final Path events = LocalStackSupport.projectRoot().resolve("events");

    @Test
    void population_import_takes_the_s3_put_event() throws Exception {
        // A key of this run only: the event file's object may have been delivered by another test already
        String key = "wiring/one person " + java.util.UUID.randomUUID() + ".csv";
        String bucket = stack.physicalName("ImportBucket");
        stack.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(
                "nir;nom;prenoms;date_naissance;departement;adresse;code_postal;commune;email\n"
                        + "176062A00301272;Casanova;Marie;1976-06-30;2A;1 cours Napoléon;20000;Ajaccio;\n"));
        stack.awaitS3Events();
        String event = Files.readString(events.resolve("population-import/s3-put.json"), StandardCharsets.UTF_8)
                .replace("espace-sante-imports-000000000000", bucket)
                .replace("wiring/one+person.csv", java.net.URLEncoder.encode(key, StandardCharsets.UTF_8))
                .replace("0A1B2C3D4E5F678901", Long.toHexString(System.nanoTime()).toUpperCase());

        String output = stack.functions().invoke("PopulationImportFunction", event);

        assertThat(output).isEqualTo("\"OK\"");
        stack.awaitS3Events();
        String report = stack.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key + ".rapport.json")).asUtf8String();
        assertThat(Http.JSON.readTree(report).get("inchangees").asLong()).as("the put already imported it").isEqualTo(1);
    }

    @Test
    void population_admin_takes_the_http_api_event() throws Exception {
        String event = Files.readString(events.resolve("population-admin/list-imports.json"), StandardCharsets.UTF_8)
                .replace("https://admin.espace-sante.example/admin", stack.parameter("AdminIssuerUrl"));

        var response = Http.JSON.readTree(stack.functions().invoke("PopulationAdminFunction", event));

        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(Http.JSON.readTree(response.get("body").asString()).get("imports").isArray()).isTrue();
    }

    @Test
    void patient_space_takes_the_http_api_event_and_rechecks_the_issuer() throws Exception {
        String event = Files.readString(events.resolve("patient-space/get-space.json"), StandardCharsets.UTF_8);

        // A token from another issuer than the template's citizen issuer is refused by the function itself
        var foreign = Http.JSON.readTree(stack.functions().invoke("PatientSpaceFunction", event));
        assertThat(foreign.get("statusCode").asInt()).isEqualTo(401);

        // With the local citizen issuer, an unknown login is told to activate its space first
        var local = Http.JSON.readTree(stack.functions().invoke("PatientSpaceFunction",
                event.replace("https://citoyen.espace-sante.example/citizen", stack.parameter("CitizenIssuerUrl"))));
        assertThat(local.get("statusCode").asInt()).isEqualTo(403);
        assertThat(Http.JSON.readTree(local.get("body").asString()).get("code").asString()).isEqualTo("ESPACE_NON_ACTIVE");
    }

    @Test
    void professional_access_takes_the_http_api_event() throws Exception {
        String event = Files.readString(events.resolve("professional-access/open-space.json"), StandardCharsets.UTF_8)
                .replace("https://pro.espace-sante.example/professional", stack.parameter("ProfessionalIssuerUrl"));

        var response = Http.JSON.readTree(stack.functions().invoke("ProfessionalAccessFunction", event));

        // No space for that INS: the same 404 whether the person is unknown or has no space
        assertThat(response.get("statusCode").asInt()).isEqualTo(404);
        assertThat(Http.JSON.readTree(response.get("body").asString()).get("code").asString()).isEqualTo("ESPACE_INTROUVABLE");
    }

    @Test
    void campaign_admin_lists_waves() throws Exception {
        var response = invoke("CampaignAdminFunction", "campaign-admin/list-waves.json");
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(Http.JSON.readTree(response.get("body").asString()).get("vagues").isArray()).isTrue();
    }

    @Test
    void objection_answers_an_unknown_code_like_any_wrong_proof() throws Exception {
        var response = invoke("ObjectionFunction", "objection/object-with-code.json");
        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(Http.JSON.readTree(response.get("body").asString()).get("code").asString()).isEqualTo("IDENTITE_NON_RECONNUE");
    }

    @Test
    void documents_recheck_the_issuer_of_a_citizen_token() throws Exception {
        assertThat(invoke("DocumentsFunction", "documents/list-documents.json").get("statusCode").asInt()).isEqualTo(401);
    }

    @Test
    void scheduled_functions_take_their_schedule_input() throws Exception {
        assertThat(invoke("WaveSenderFunction", "wave-sender/every-minute.json").has("reclames")).isTrue();
        assertThat(invoke("SpaceSweepFunction", "space-sweep/nightly.json").has("espacesCrees")).isTrue();
    }

    @Test
    void document_intake_ignores_an_object_it_does_not_know() throws Exception {
        String event = Files.readString(events.resolve("document-intake/s3-put.json"), StandardCharsets.UTF_8)
                .replace("espace-sante-documents-000000000000", stack.physicalName("DocumentsBucket"));
        assertThat(stack.functions().invoke("DocumentIntakeFunction", event)).isEqualTo("\"OK\"");
    }

    /** An event file as the local stack's gateway would build it: the issuers are the local ones. */
    private tools.jackson.databind.JsonNode invoke(String function, String eventFile) throws Exception {
        return Http.JSON.readTree(stack.functions().invoke(function,
                Files.readString(events.resolve(eventFile), StandardCharsets.UTF_8)
                        .replace("https://admin.espace-sante.example/admin", stack.parameter("AdminIssuerUrl"))));
    }
}
