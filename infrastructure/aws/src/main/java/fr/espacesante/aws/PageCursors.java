package fr.espacesante.aws;

import fr.espacesante.domain.error.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Pagination cursors: DynamoDB's last evaluated key (string attributes) as opaque URL-safe text,
 * bound to the partition it came from so that a cursor can only continue its own listing. A cursor
 * that is not exactly such a key — other attributes, another partition, values no key can hold — is
 * the caller's error, never a DynamoDB one.
 */
public final class PageCursors {

    /** DynamoDB's limit for a sort key (a partition key allows 2,048 bytes; no key of ours is near either). */
    private static final int MAX_KEY_BYTES = 1024;
    private static final int MAX_CURSOR_CHARS = 4096;

    private PageCursors() {
    }

    public static String encode(Map<String, AttributeValue> key) {
        return encode(key, null);
    }

    /**
     * @param knownPartition an attribute left out of the cursor because the listing's caller always
     *                       knows it ({@link #decode} puts it back): a space's key never reaches a
     *                       connected service that pages through that space
     */
    public static String encode(Map<String, AttributeValue> key, String knownPartition) {
        StringBuilder text = new StringBuilder();
        key.forEach((name, value) -> {
            if (!name.equals(knownPartition)) {
                text.append(name).append('=').append(value.s()).append('\n');
            }
        });
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param keyNames      the attributes of a last evaluated key of this listing (table key, plus index key)
     * @throws InvalidCursorException a malformed cursor, one from another listing or another partition
     */
    public static Map<String, AttributeValue> decode(String cursor, Set<String> keyNames, String partitionAttribute,
                                                     String partition) {
        if (cursor.length() > MAX_CURSOR_CHARS) {
            throw new InvalidCursorException();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException();
        }
        Map<String, AttributeValue> key = new HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new InvalidCursorException();
            }
            String value = line.substring(eq + 1);
            if (value.isEmpty() || value.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES
                    || key.put(line.substring(0, eq), AttributeValue.fromS(value)) != null) {
                throw new InvalidCursorException();
            }
        }
        // A cursor made without its partition (see encode) continues the listing of the caller's partition.
        key.putIfAbsent(partitionAttribute, AttributeValue.fromS(partition));
        AttributeValue bound = key.get(partitionAttribute);
        if (!key.keySet().equals(keyNames) || bound == null || !partition.equals(bound.s())) {
            throw new InvalidCursorException();
        }
        return key;
    }

    /**
     * Runs a query that starts at a caller's cursor: a start key DynamoDB still refuses (a crafted key
     * that does not belong to the index) is the caller's error.
     */
    public static <T> T query(Optional<String> cursor, Supplier<T> query) {
        try {
            return query.get();
        } catch (DynamoDbException e) {
            if (cursor.isPresent() && e.statusCode() == 400 && e.awsErrorDetails() != null
                    && "ValidationException".equals(e.awsErrorDetails().errorCode())) {
                throw new InvalidCursorException();
            }
            throw e;
        }
    }
}
