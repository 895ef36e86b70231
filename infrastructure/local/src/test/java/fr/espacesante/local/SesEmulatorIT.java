package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.local.support.Http;
import fr.espacesante.local.support.LocalStackSupport;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import tools.jackson.databind.JsonNode;

/** SES v2 SendEmail from the SDK, with nothing but the standard endpoint settings, lands in the emulator. */
class SesEmulatorIT {

    private final LocalStack stack = LocalStackSupport.shared();

    @Test
    void a_sent_message_can_be_read_back() {
        try (SesV2Client ses = SesV2Client.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            String messageId = ses.sendEmail(b -> b
                    .fromEmailAddress(stack.parameter("SenderAddress"))
                    .destination(d -> d.toAddresses("camille.martin@example.fr"))
                    .content(c -> c.simple(m -> m
                            .subject(s -> s.data("Votre espace santé").charset("UTF-8"))
                            .body(body -> body.text(t -> t.data("Bonjour, votre espace est prêt.").charset("UTF-8"))))))
                    .messageId();

            JsonNode store = Http.json(Http.get(stack.sesUrl() + "/store", null));
            JsonNode sent = null;
            for (JsonNode email : store.get("emails")) {
                if (messageId.equals(email.get("messageId").asString())) {
                    sent = email;
                }
            }
            assertThat(sent).isNotNull();
            assertThat(sent.get("subject").asString()).isEqualTo("Votre espace santé");
            assertThat(sent.get("destination").get("to").get(0).asString()).isEqualTo("camille.martin@example.fr");
            assertThat(sent.get("body").get("text").asString()).contains("votre espace est prêt");
            assertThat(Http.get(stack.sesUrl() + "/", null).statusCode()).isEqualTo(200);
        }
    }
}
