package fr.espacesante.local.support;

import fr.espacesante.local.LocalStack;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What the SES emulator captured: the e-mails as SES would have delivered them. */
public final class Mailbox {

    private Mailbox() {
    }

    public static List<JsonNode> to(LocalStack stack, String address) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode email : Http.json(Http.get(stack.sesUrl() + "/store", null)).get("emails")) {
            for (JsonNode to : email.get("destination").get("to")) {
                if (to.asString().equalsIgnoreCase(address)) {
                    found.add(email);
                }
            }
        }
        return found;
    }
}
