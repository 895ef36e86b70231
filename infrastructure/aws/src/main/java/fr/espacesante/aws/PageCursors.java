package fr.espacesante.aws;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Pagination cursors: DynamoDB's last evaluated key (string attributes) as opaque URL-safe text,
 * bound to the partition it came from so that a cursor can only continue its own listing.
 */
public final class PageCursors {

    private PageCursors() {
    }

    public static String encode(Map<String, AttributeValue> key) {
        StringBuilder text = new StringBuilder();
        key.forEach((name, value) -> text.append(name).append('=').append(value.s()).append('\n'));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException a malformed cursor, or one from another partition */
    public static Map<String, AttributeValue> decode(String cursor, String partitionAttribute, String partition) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("curseur de pagination invalide", e);
        }
        Map<String, AttributeValue> key = new HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                key.put(line.substring(0, eq), AttributeValue.fromS(line.substring(eq + 1)));
            }
        }
        AttributeValue bound = key.get(partitionAttribute);
        if (bound == null || !partition.equals(bound.s())) {
            throw new IllegalArgumentException("curseur de pagination invalide");
        }
        return key;
    }
}
