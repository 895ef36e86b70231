package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.domain.nir.Nir;
import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.local.support.Campaigns;
import fr.espacesante.local.support.Http;
import fr.espacesante.local.support.LocalStackSupport;
import fr.espacesante.local.support.Mailbox;
import fr.espacesante.local.support.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/** A notification e-mail that bounces for good becomes a letter, with the same code, once. */
class BounceIT {

    private static final LocalStack STACK = LocalStackSupport.shared();
    private static final String API = STACK.gatewayUrl();

    @Test
    void a_permanent_bounce_turns_the_notification_into_one_letter_with_the_same_code() throws Exception {
        LocalDate day = Campaigns.moveToNextWorkingMorning(STACK);
        String nir = Registry.nir(230_000 + (int) (Math.random() * 1000));
        String address = "rebond." + nir.substring(7, 13) + "@rebond.example";
        Registry.importLines(STACK, "registre/rebond-" + nir.substring(7, 13) + ".csv",
                List.of(Registry.line(nir, "Rebond", "Alice", address, "15")));
        String operator = Http.token(API, "operator", "agent=5");
        String waveId = Http.json(Http.send("POST", API + "/admin/vagues", operator,
                "{\"departements\":[\"15\"],\"debut\":\"" + day + "\",\"parJour\":1000,\"parMinute\":100}")).get("id").asString();
        STACK.scheduler().trigger("EveryMinute");
        JsonNode email = Mailbox.to(STACK, address).getFirst();
        String code = Campaigns.codeIn(email.get("body").get("text").asString());

        // WHEN SES reports a permanent bounce for that message (through EventBridge)
        String event = Files.readString(LocalStackSupport.projectRoot().resolve("events/mail-events/bounce.json"))
                .replace("MESSAGE-ID", email.get("messageId").asString());
        String first = STACK.functions().invoke("MailEventsFunction", event);
        String replay = STACK.functions().invoke("MailEventsFunction", event);
        STACK.scheduler().trigger("EveryMinute");
        STACK.scheduler().trigger("EveryMinute");

        // THEN one letter carries the same code, in a manifest of its own, and the wave counts the failure
        assertThat(Http.JSON.readTree(first).get("courrier").asBoolean()).isTrue();
        assertThat(Http.JSON.readTree(replay).get("courrier").asBoolean()).isFalse();
        String personKey = new NirProtection(STACK.parameter("NirHashKey"), STACK.parameter("NirSealKey"))
                .lookupKey(Nir.parse(nir));
        String letters = STACK.physicalName("LettersBucket");
        List<String> keys = STACK.s3().listObjectsV2Paginator(b -> b.bucket(letters).prefix("lettres/" + waveId + "/"))
                .contents().stream().map(o -> o.key()).toList();
        assertThat(keys).containsExactly("lettres/" + waveId + "/" + personKey + ".pdf");
        String text = Campaigns.pdfText(STACK.s3().getObjectAsBytes(b -> b.bucket(letters).key(keys.getFirst())).asByteArray());
        assertThat(Campaigns.codeIn(text)).isEqualTo(code);
        assertThat(STACK.s3().listObjectsV2Paginator(b -> b.bucket(letters).prefix("manifestes/" + waveId + "/"))
                .contents().stream().map(o -> o.key()).toList()).hasSize(1).allMatch(k -> k.contains("rebond-"));
        JsonNode progress = Http.json(Http.get(API + "/admin/vagues/" + waveId, operator)).get("progression");
        assertThat(progress.get("envoyeesParEmail").asLong()).isEqualTo(1);
        assertThat(progress.get("envoyeesParCourrier").asLong()).isEqualTo(1);
        assertThat(progress.get("echecs").asLong()).isEqualTo(1);
        var person = STACK.dynamoDb().getItem(b -> b.tableName(STACK.physicalName("PersonsTable"))
                .key(Map.of("personKey", AttributeValue.fromS(personKey)))).item();
        assertThat(person.get("status").s()).isEqualTo("NOTIFIED");
        assertThat(Mailbox.to(STACK, address)).hasSize(1);
    }
}
