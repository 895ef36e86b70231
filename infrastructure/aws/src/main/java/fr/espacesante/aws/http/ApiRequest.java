package fr.espacesante.aws.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP API request, read from the payload-format-2.0 event that API Gateway built — the whole
 * Lambda input, never a part of the body. Identity (JWT claims, scopes) and the client address come
 * only from the event's {@code requestContext}; the body is an opaque string until a route asks for
 * it as a JSON object.
 */
public record ApiRequest(String routeKey, Map<String, String> pathParameters, Map<String, String> queryParameters,
                         String body, String sourceIp,
                         Map<String, String> claims, List<String> scopes) {

    /** Reads the event Lambda received; anything but an HTTP API 2.0 event is refused. */
    public static ApiRequest read(InputStream event) {
        JsonNode root;
        try {
            root = ApiJson.MAPPER.readTree(event.readAllBytes());
        } catch (IOException | JacksonException e) {
            throw notAnEvent();
        }
        if (root == null || !root.isObject() || !"2.0".equals(text(root, "version")) || text(root, "routeKey") == null) {
            throw notAnEvent();
        }
        JsonNode context = root.path("requestContext");
        JsonNode jwt = context.path("authorizer").path("jwt");
        List<String> scopes = jwt.path("scopes").isArray()
                ? jwt.path("scopes").valueStream().filter(JsonNode::isString).map(JsonNode::asString).toList()
                : List.of();
        return new ApiRequest(text(root, "routeKey"), strings(root.path("pathParameters")),
                strings(root.path("queryStringParameters")), body(root),
                Optional.ofNullable(text(context.path("http"), "sourceIp")).orElse("inconnue"),
                strings(jwt.path("claims")), scopes);
    }

    public Optional<String> pathParameter(String name) {
        return Optional.ofNullable(pathParameters.get(name));
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(queryParameters.get(name));
    }

    /** The body as a JSON object; absent, unreadable, or any other JSON value (an array…) is the caller's error. */
    /** For a route that needs no body: none, or a JSON object (anything else is refused as for any route). */
    public void optionalEmptyBody() {
        if (body != null && !body.isBlank()) {
            jsonBody();
        }
    }

    public JsonNode jsonBody() {
        if (body != null && !body.isBlank()) {
            try {
                JsonNode node = ApiJson.MAPPER.readTree(body);
                if (node != null && node.isObject()) {
                    return node;
                }
            } catch (JacksonException malformed) {
                // Answered below, without echoing the body.
            }
        }
        throw ApiError.invalid("CORPS_INVALIDE", "Le corps de la requête doit être un objet JSON.");
    }

    private static ApiError notAnEvent() {
        return ApiError.invalid("EVENEMENT_INVALIDE", "La requête n'est pas un événement HTTP API valide.");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    /** A string map of the event; API Gateway writes every value as a string, other values are dropped. */
    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().stream().filter(e -> e.getValue().isValueNode() && !e.getValue().isNull())
                    .forEach(e -> out.put(e.getKey(), e.getValue().asString()));
        }
        return Map.copyOf(out);
    }

    private static String body(JsonNode root) {
        String raw = text(root, "body");
        if (raw == null) {
            return null;
        }
        JsonNode base64 = root.get("isBase64Encoded");
        if (base64 == null || !base64.asBoolean()) {
            return raw;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(raw);
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw ApiError.invalid("CORPS_INVALIDE", "Le corps de la requête doit être un objet JSON en UTF-8.");
        }
    }
}
