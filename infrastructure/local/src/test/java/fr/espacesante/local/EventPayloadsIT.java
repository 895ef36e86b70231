package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.local.SamTemplate.FunctionDef;
import fr.espacesante.local.support.Http;
import fr.espacesante.local.support.LocalStackSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every function of template.yaml has at least one real event in {@code events/<module>/} (what
 * {@code sam local invoke -e} takes), and each one goes through the function's Lambda entry point
 * ({@code FunctionInvoker}) without failing: a new module's wiring is tested by adding its event file.
 */
class EventPayloadsIT {

    private final LocalStack stack = LocalStackSupport.shared();
    private final Path events = LocalStackSupport.projectRoot().resolve("events");

    @Test
    void each_function_takes_each_of_its_event_files() throws Exception {
        int invoked = 0;
        for (FunctionDef function : stack.template().functions()) {
            String module = function.codeUri().replaceAll("^functions/([^/]+)/.*$", "$1");
            List<Path> files;
            try (Stream<Path> listed = Files.isDirectory(events.resolve(module)) ? Files.list(events.resolve(module)) : Stream.empty()) {
                files = listed.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            }
            assertThat(files).as(function.logicalId() + " has an event file in events/" + module).isNotEmpty();
            for (Path file : files) {
                String output = stack.functions().invoke(function.logicalId(), local(Files.readString(file, StandardCharsets.UTF_8)));
                JsonNode answer = output.startsWith("{") ? Http.JSON.readTree(output) : null;
                if (answer != null && answer.has("statusCode")) {
                    assertThat(answer.get("statusCode").asInt()).as(file.toString()).isLessThan(500);
                    String text = answer.path("isBase64Encoded").asBoolean(false)
                            ? new String(java.util.Base64.getDecoder().decode(answer.get("body").asString()), StandardCharsets.UTF_8)
                            : answer.get("body").asString();
                    JsonNode body = Http.JSON.readTree(text);
                    assertThat(body.isObject()).as(file + " answers a JSON object").isTrue();
                }
                invoked++;
            }
        }
        assertThat(invoked).isGreaterThanOrEqualTo(stack.template().functions().size());
    }

    /** The example issuers and bucket names of the event files, as the local stack has them. */
    private String local(String event) {
        return event.replace("https://citoyen.espace-sante.example/citizen", stack.parameter("CitizenIssuerUrl"))
                .replace("https://pro.espace-sante.example/professional", stack.parameter("ProfessionalIssuerUrl"))
                .replace("https://admin.espace-sante.example/admin", stack.parameter("AdminIssuerUrl"))
                .replace("espace-sante-imports-000000000000", stack.physicalName("ImportBucket"))
                .replace("espace-sante-documents-000000000000", stack.physicalName("DocumentsBucket"));
    }
}
