package fr.espacesante.aws.campaign;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small helpers over raw DynamoDB items, for the adapters that write with transactions. */
final class Attributes {

    private Attributes() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static Map<String, AttributeValue> key(String name, String value) {
        return Map.of(name, s(value));
    }

    static Map<String, AttributeValue> key(String name, String value, String sortName, String sortValue) {
        return Map.of(name, s(value), sortName, s(sortValue));
    }

    static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    static Optional<String> opt(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(str(item, name));
    }

    static long num(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    /** Expression values built fluently. */
    static final class Values {
        private final Map<String, AttributeValue> values = new HashMap<>();

        Values put(String name, String value) {
            values.put(name, s(value));
            return this;
        }

        Values put(String name, long value) {
            values.put(name, n(value));
            return this;
        }

        Map<String, AttributeValue> map() {
            return values;
        }
    }
}
