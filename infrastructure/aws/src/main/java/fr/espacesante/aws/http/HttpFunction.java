package fr.espacesante.aws.http;

import fr.espacesante.domain.error.DomainException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline of an HTTP API function: the raw Lambda input read as the event API Gateway
 * built ({@link ApiRequest}), the caller resolved once ({@link Callers}), the route's handler called,
 * its typed answer or its refusal written as the API Gateway response — errors map to HTTP here only.
 *
 * <p>Its input is the raw stream on purpose: Spring Cloud Function, given a typed event, treats a body
 * that is a JSON array (or a header named {@code payload}) as the message itself, which let a request
 * body stand in for the event and its identity.
 */
public final class HttpFunction implements Function<InputStream, byte[]> {

    /** A route's handler: the resolved caller and the request in, a typed response out. */
    @FunctionalInterface
    public interface Route<C extends Caller> {
        ApiResponse handle(C caller, ApiRequest request);
    }

    private record Bound<C extends Caller>(Class<C> callerKind, Route<C> route) {
        ApiResponse handle(Callers callers, ApiRequest request) {
            return route.handle(callers.resolve(request, callerKind), request);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(HttpFunction.class);
    private static final Map<String, String> JSON_HEADERS = Map.of(
            "content-type", "application/json; charset=utf-8",
            "cache-control", "no-store",
            "x-content-type-options", "nosniff");

    private final Callers callers;
    private final Map<String, Bound<?>> routes = new LinkedHashMap<>();
    private final java.util.function.BiFunction<Integer, DomainException, ApiResponse> refusals;

    public HttpFunction(Callers callers) {
        this(callers, null);
    }

    /**
     * @param refusals how this API writes a refusal, given its status (the FHIR API answers an
     *                 {@code OperationOutcome}); null: the {@code {code, message}} body
     */
    public HttpFunction(Callers callers, java.util.function.BiFunction<Integer, DomainException, ApiResponse> refusals) {
        this.callers = callers;
        this.refusals = refusals;
    }

    /** Serves {@code routeKey} (as in template.yaml, e.g. {@code "GET /espace"}) for callers of {@code kind}. */
    public <C extends Caller> HttpFunction on(String routeKey, Class<C> kind, Route<C> route) {
        if (routes.putIfAbsent(routeKey, new Bound<>(kind, route)) != null) {
            throw new IllegalStateException("route served twice: " + routeKey);
        }
        return this;
    }

    /** The routes this function serves, compared with the template by the tests. */
    public Set<String> routeKeys() {
        return Set.copyOf(routes.keySet());
    }

    @Override
    public byte[] apply(InputStream event) {
        return write(answer(event));
    }

    private ApiResponse answer(InputStream event) {
        String routeKey = "?";
        try {
            ApiRequest request = ApiRequest.read(event);
            routeKey = request.routeKey();
            Bound<?> bound = routes.get(routeKey);
            if (bound == null) {
                throw ApiError.notFound("ROUTE_INCONNUE", "Cette adresse n'existe pas.");
            }
            return bound.handle(callers, request);
        } catch (DomainException refused) {
            return refusals == null ? refusal(refused) : refusals.apply(status(refused.kind()), refused);
        } catch (RuntimeException e) {
            // The exception type only: its message may quote request data.
            LOG.error("unexpected failure on {}: {}", routeKey, e.getClass().getName());
            if (refusals != null) {
                return refusals.apply(500, ApiError.internal());
            }
            return new ApiResponse(500, new ApiResponse.Refusal("ERREUR_INTERNE",
                    "Le service n'a pas pu traiter la demande. Réessayez plus tard."));
        }
    }

    /** The one place where a kind of refusal becomes an HTTP status. */
    static int status(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_MANY_ATTEMPTS -> 429;
        };
    }

    private static ApiResponse refusal(DomainException e) {
        if (e.details().isEmpty()) {
            return new ApiResponse(status(e.kind()), new ApiResponse.Refusal(e.code(), e.publicMessage()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", e.code());
        body.put("message", e.publicMessage());
        body.putAll(e.details());
        return new ApiResponse(status(e.kind()), body);
    }

    /** The API Gateway response, payload format 2.0. */
    private record GatewayResponse(int statusCode, Map<String, String> headers, String body, boolean isBase64Encoded) {
    }

    /** The response with its body written by the one mapper. */
    private static byte[] write(ApiResponse response) {
        if (response.body() instanceof ApiResponse.Raw raw) {
            return ApiJson.MAPPER.writeValueAsBytes(new GatewayResponse(response.status(), Map.of("content-type", raw.contentType(),
                    "cache-control", "no-store", "x-content-type-options", "nosniff"),
                    java.util.Base64.getEncoder().encodeToString(raw.bytes()), true));
        }
        return ApiJson.MAPPER.writeValueAsBytes(new GatewayResponse(response.status(), JSON_HEADERS,
                ApiJson.MAPPER.writeValueAsString(response.body()), false));
    }
}
