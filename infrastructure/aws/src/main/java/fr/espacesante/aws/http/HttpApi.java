package fr.espacesante.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every HTTP API handler shares: reading the caller's verified claims, answering JSON, and
 * mapping errors to status codes in one place.
 */
public final class HttpApi {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> JSON_HEADERS = Map.of(
            "content-type", "application/json; charset=utf-8",
            "cache-control", "no-store");

    private HttpApi() {
    }

    /** Runs a route handler; domain and request errors become their 4xx, anything else a bare 500. */
    public static APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event,
                                                  Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> route) {
        try {
            return route.apply(event);
        } catch (ApiError e) {
            return error(e.status(), e.code(), e.getMessage());
        } catch (RuntimeException e) {
            // The exception type only: its message may quote request data.
            LOG.error("unexpected failure on {}: {}", event.getRouteKey(), e.getClass().getName());
            return error(500, "ERREUR_INTERNE", "Le service n'a pas pu traiter la demande. Réessayez plus tard.");
        }
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(JSON_HEADERS)
                .withBody(JSON.writeValueAsString(body))
                .build();
    }

    public static APIGatewayV2HTTPResponse error(int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        return json(status, body);
    }

    /** The JWT claims API Gateway verified (signature, issuer, audience, expiry) before invoking us. */
    public static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null
                || context.getAuthorizer().getJwt().getClaims() == null) {
            throw new ApiError(401, "NON_AUTHENTIFIE", "Authentification requise.");
        }
        return context.getAuthorizer().getJwt().getClaims();
    }

    public static List<String> scopes(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) {
            return List.of();
        }
        var scopes = context.getAuthorizer().getJwt().getScopes();
        return scopes == null ? List.of() : scopes;
    }

    /** Re-checks a scope inside the function: the authorizer is one line of defence, not the only one. */
    public static void requireScope(APIGatewayV2HTTPEvent event, String scope) {
        claims(event);
        if (!scopes(event).contains(scope)) {
            throw ApiError.forbidden("PORTEE_INSUFFISANTE", "Cette action est réservée aux opérateurs habilités.");
        }
    }

    public static Optional<String> pathParameter(APIGatewayV2HTTPEvent event, String name) {
        return Optional.ofNullable(event.getPathParameters()).map(p -> p.get(name));
    }

    public static Optional<String> queryParameter(APIGatewayV2HTTPEvent event, String name) {
        return Optional.ofNullable(event.getQueryStringParameters()).map(p -> p.get(name));
    }
}
