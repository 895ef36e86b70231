package fr.espacesante.local;

import com.nimbusds.jwt.JWTClaimsSet;
import fr.espacesante.local.SamTemplate.FunctionDef;
import fr.espacesante.local.SamTemplate.HttpRoute;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP API on http://127.0.0.1:3000 as API Gateway serves it: routes and JWT authorizers from
 * the template, the payload format 2.0 event, the function invoked through its Lambda handler.
 * Paths under {@code /_local/} are the stack's own operator endpoints.
 *
 * <p>Served by Jetty rather than the JDK's server, which answers a malformed URI itself with an HTML
 * page naming a Java exception: here every answer is JSON, and what the URI holds reaches the route.
 */
final class LocalGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalGateway.class);
    /** The API access log (CloudWatch Logs on AWS). */
    private static final Logger ACCESS_LOG = LoggerFactory.getLogger("espace.api.access");
    private static final int ACCESS_LOG_KEPT = 10_000;

    private final java.util.concurrent.ConcurrentLinkedDeque<AccessLogLine> accessLog =
            new java.util.concurrent.ConcurrentLinkedDeque<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    interface LocalEndpoints {
        /** Handles {@code /_local/...}; returns status and JSON body. */
        Response handle(String method, String path, Map<String, String> query, String body);
    }

    record Response(int status, Map<String, String> headers, byte[] body) {
        static Response json(int status, Object body) {
            return new Response(status, Map.of("content-type", "application/json"), JSON.writeValueAsBytes(body));
        }
    }

    private record BoundRoute(String functionId, HttpRoute route, Pattern pattern, List<String> names) {
    }

    private final Server server;
    private final ServerConnector connector;
    private final List<BoundRoute> routes = new ArrayList<>();
    private final JwtAuthorizers authorizers;
    private final FunctionHost functions;
    private final LocalEndpoints localEndpoints;
    /** The web frontend, on the same origin (CloudFront in front of the site bucket and the API). */
    private final StaticSite site;
    private final RouteThrottles throttles;

    LocalGateway(int port, List<FunctionDef> definitions, List<String> publicRoutes, JwtAuthorizers authorizers,
                 FunctionHost functions, LocalEndpoints localEndpoints, StaticSite site, RouteThrottles throttles) throws IOException {
        this.site = site;
        this.throttles = throttles;
        this.authorizers = authorizers;
        this.functions = functions;
        this.localEndpoints = localEndpoints;
        for (FunctionDef function : definitions) {
            for (HttpRoute route : function.routes()) {
                // Fail closed: a route without an authorizer is served only if the template lists it as public.
                if (route.authorizer() == null && !publicRoutes.contains(route.routeKey())) {
                    throw new IllegalStateException(route.routeKey() + " has no authorizer and is not in PublicRoutes");
                }
                routes.add(bind(function.logicalId(), route));
            }
        }
        // The most specific route wins: fewer path parameters first, then the longer path.
        routes.sort(java.util.Comparator.comparingInt((BoundRoute r) -> r.names().size())
                .thenComparingInt(r -> -r.route().path().length()));
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("local-gateway");
        threads.setDaemon(true);
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        // What the URI holds (ambiguous or malformed escapes included) reaches the route, as with API Gateway.
        http.setUriCompliance(UriCompliance.UNSAFE);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        // TCP_NODELAY (Jetty's default, kept explicit): without it, a multi-segment response waits on
        // the client's delayed ACK (a 40 ms stall per call), which API Gateway does not add.
        connector.setAcceptedTcpNoDelay(true);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, org.eclipse.jetty.server.Response response, Callback callback) {
                try {
                    write(response, callback, serve(request));
                } catch (RuntimeException | IOException e) {
                    LOG.error("gateway failure: {}", e.getClass().getName());
                    write(response, callback, Response.json(500, Map.of("message", "Internal Server Error")));
                }
                return true;
            }
        });
        // Requests refused before any route (a path whose escapes cannot be decoded, such as %zz or %00;
        // oversized headers): JSON with a code and a French message, never the server's HTML page.
        server.setErrorHandler((Request.Handler) (request, response, callback) -> {
            int status = response.getStatus() >= 400 && response.getStatus() < 500 ? response.getStatus() : 400;
            write(response, callback, Response.json(status, Map.of("code", "REQUETE_INVALIDE",
                    "message", "La requête est mal formée : son adresse ou ses en-têtes ne peuvent pas être lus.")));
            return true;
        });
        try {
            server.start();
        } catch (Exception e) {
            throw new IOException("local gateway could not start on port " + port, e);
        }
    }

    int port() {
        return connector.getLocalPort();
    }

    private static BoundRoute bind(String functionId, HttpRoute route) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\{([^}/]+?)(\\+?)}").matcher(route.path());
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(route.path().substring(last, m.start())));
            names.add(m.group(1));
            regex.append(m.group(2).isEmpty() ? "([^/]+)" : "(.+)");
            last = m.end();
        }
        regex.append(Pattern.quote(route.path().substring(last)));
        return new BoundRoute(functionId, route, Pattern.compile(regex.toString()), names);
    }

    private Response serve(Request exchange) throws IOException {
        {
            String method = exchange.getMethod().toUpperCase(Locale.ROOT);
            String path = Optional.ofNullable(exchange.getHttpURI().getPath()).orElse("/");
            String rawQuery = Optional.ofNullable(exchange.getHttpURI().getQuery()).orElse("");
            byte[] body = Request.asInputStream(exchange).readAllBytes();
            if (path.startsWith("/_local/")) {
                return localEndpoints.handle(method, path, query(rawQuery), new String(body, StandardCharsets.UTF_8));
            }
            String requestId = UUID.randomUUID().toString();
            Optional<Map.Entry<BoundRoute, Matcher>> match = match(method, path);
            if (match.isEmpty() && site != null && (method.equals("GET") || method.equals("HEAD"))) {
                Optional<Response> file = site.serve(path);
                if (file.isPresent()) {
                    return file.get();
                }
            }
            if (match.isEmpty()) {
                return reply(Response.json(404, Map.of("message", "Not Found")),
                        new AccessLogLine(requestId, Instant.now(), method, "-", path, 404, null, sourceIp(exchange)));
            }
            BoundRoute bound = match.get().getKey();
            String routeKey = bound.route().routeKey();
            // Throttled as API Gateway does: before the authorizer, by route.
            if (!throttles.admit(routeKey)) {
                return reply(Response.json(429, Map.of("message", "Too Many Requests")), new AccessLogLine(requestId,
                        Instant.now(), method, routeKey, path, 429, "Too Many Requests", sourceIp(exchange)));
            }
            JwtAuthorizers.Verified identity = null;
            String authorizer = bound.route().authorizer();
            if (authorizer != null) {
                var verified = authorizers.verify(authorizer, exchange.getHeaders().get("Authorization"));
                if (verified.isEmpty()) {
                    return reply(Response.json(401, Map.of("message", "Unauthorized")), new AccessLogLine(requestId,
                            Instant.now(), method, routeKey, path, 401, "Unauthorized", sourceIp(exchange)));
                }
                identity = verified.get();
                if (!bound.route().scopes().isEmpty()
                        && identity.scopes().stream().noneMatch(bound.route().scopes()::contains)) {
                    return reply(Response.json(403, Map.of("message", "Forbidden")), new AccessLogLine(requestId,
                            Instant.now(), method, routeKey, path, 403, "Forbidden", sourceIp(exchange)));
                }
            }
            Map<String, Object> event = event(exchange, bound, match.get().getValue(), rawQuery, body, identity, requestId);
            Response response;
            try {
                response = response(functions.invoke(bound.functionId(), JSON.writeValueAsString(event)));
            } catch (RuntimeException e) {
                LOG.error("{} failed: {}", bound.functionId(), e.getClass().getName());
                response = Response.json(500, Map.of("message", "Internal Server Error"));
            }
            return reply(response, new AccessLogLine(requestId, Instant.now(), method, routeKey, path,
                    response.status(), null, sourceIp(exchange)));
        }
    }

    /**
     * One line of the API access log, with the fields of the template's AccessLogSettings format:
     * no header, no token, no body — so no identity number and no health data.
     */
    public record AccessLogLine(String requestId, Instant requestTime, String httpMethod, String routeKey, String path,
                                int status, String authorizerError, String sourceIp) {
    }

    /** The latest access log lines (the most recent {@value #ACCESS_LOG_KEPT}), oldest first. */
    public List<AccessLogLine> accessLog() {
        return List.copyOf(accessLog);
    }

    private Response reply(Response response, AccessLogLine line) {
        accessLog.addLast(line);
        while (accessLog.size() > ACCESS_LOG_KEPT) {
            accessLog.pollFirst();
        }
        ACCESS_LOG.info("{}", JSON.writeValueAsString(line));
        return response;
    }

    /** The TCP peer, never a header: what API Gateway puts in requestContext.http.sourceIp. */
    private static String sourceIp(Request exchange) {
        return Request.getRemoteAddr(exchange);
    }

    private Optional<Map.Entry<BoundRoute, Matcher>> match(String method, String path) {
        for (BoundRoute bound : routes) {
            if (!bound.route().method().equals(method) && !bound.route().method().equals("ANY")) {
                continue;
            }
            Matcher m = bound.pattern().matcher(path);
            if (m.matches()) {
                return Optional.of(Map.entry(bound, m));
            }
        }
        return Optional.empty();
    }

    /** The HTTP API payload format 2.0 event. */
    private Map<String, Object> event(Request exchange, BoundRoute bound, Matcher matcher, String rawQuery,
                                      byte[] body, JwtAuthorizers.Verified identity, String requestId) {
        Instant now = Instant.now();
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        for (HttpField field : exchange.getHeaders()) {
            if (field.getName().equalsIgnoreCase("cookie")) {
                cookies.addAll(List.of(field.getValue().split(";\\s*")));
            } else {
                headers.merge(field.getName().toLowerCase(Locale.ROOT), field.getValue(), (a, b) -> a + "," + b);
            }
        }
        Map<String, String> pathParameters = new LinkedHashMap<>();
        for (int i = 0; i < bound.names().size(); i++) {
            pathParameters.put(bound.names().get(i), decode(matcher.group(i + 1)));
        }
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", exchange.getMethod().toUpperCase(Locale.ROOT));
        http.put("path", decode(exchange.getHttpURI().getPath()));
        http.put("protocol", exchange.getConnectionMetaData().getProtocol());
        http.put("sourceIp", sourceIp(exchange));
        http.put("userAgent", headers.getOrDefault("user-agent", ""));

        Map<String, Object> requestContext = new LinkedHashMap<>();
        requestContext.put("accountId", SamTemplate.ACCOUNT_ID);
        requestContext.put("apiId", "local");
        if (identity != null) {
            requestContext.put("authorizer", Map.of("jwt", Map.of(
                    "claims", claimsAsStrings(identity.claims()),
                    "scopes", identity.scopes())));
        }
        requestContext.put("domainName", headers.getOrDefault("host", "127.0.0.1"));
        requestContext.put("domainPrefix", "local");
        requestContext.put("http", http);
        requestContext.put("requestId", requestId);
        requestContext.put("routeKey", bound.route().routeKey());
        requestContext.put("stage", "$default");
        requestContext.put("time", REQUEST_TIME.format(now));
        requestContext.put("timeEpoch", now.toEpochMilli());

        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", bound.route().routeKey());
        event.put("rawPath", exchange.getHttpURI().getPath());
        event.put("rawQueryString", rawQuery);
        if (!cookies.isEmpty()) {
            event.put("cookies", cookies);
        }
        event.put("headers", headers);
        Map<String, String> query = query(rawQuery);
        if (!query.isEmpty()) {
            event.put("queryStringParameters", query);
        }
        if (!pathParameters.isEmpty()) {
            event.put("pathParameters", pathParameters);
        }
        event.put("requestContext", requestContext);
        if (body.length > 0) {
            Optional<String> text = utf8(body);
            event.put("body", text.orElseGet(() -> Base64.getEncoder().encodeToString(body)));
            event.put("isBase64Encoded", text.isEmpty());
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /** API Gateway hands claims to the function as strings; arrays become "[a b]". */
    private static Map<String, String> claimsAsStrings(JWTClaimsSet claims) {
        Map<String, String> out = new LinkedHashMap<>();
        claims.getClaims().forEach((name, value) -> {
            if (value instanceof java.util.Date date) {
                out.put(name, String.valueOf(date.toInstant().getEpochSecond()));
            } else if (value instanceof List<?> list) {
                out.put(name, "[" + String.join(" ", list.stream().map(String::valueOf).toList()) + "]");
            } else {
                out.put(name, String.valueOf(value));
            }
        });
        return out;
    }

    private static Optional<String> utf8(byte[] body) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeQuery(pair.substring(eq + 1));
            query.merge(name, value, (a, b) -> a + "," + b);
        }
        return query;
    }

    /**
     * Percent-decoding as API Gateway hands parameters to a function; a malformed escape ({@code %zz},
     * a lone {@code %}, bytes that are not UTF-8) is passed on as written, for the function to refuse.
     */
    private static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        try {
            byte[] bytes = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8)
                    .getBytes(StandardCharsets.UTF_8);
            return utf8(bytes).filter(text -> text.indexOf('\uFFFD') < 0).orElse(raw);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }

    private static String decodeQuery(String raw) {
        return decode(raw.replace('+', ' '));
    }

    /** A function's output: an APIGatewayV2HTTPResponse, or any JSON taken as a 200 body (format 2.0 rule). */
    private static Response response(String output) {
        JsonNode node;
        try {
            node = JSON.readTree(output);
        } catch (RuntimeException e) {
            return new Response(200, Map.of("content-type", "text/plain"), output.getBytes(StandardCharsets.UTF_8));
        }
        if (node == null || !node.isObject() || !node.has("statusCode")) {
            return new Response(200, Map.of("content-type", "application/json"), output.getBytes(StandardCharsets.UTF_8));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode h = node.get("headers");
        if (h != null && h.isObject()) {
            h.properties().forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
        }
        JsonNode b = node.get("body");
        String text = b == null || b.isNull() ? "" : b.asString();
        boolean base64 = node.has("isBase64Encoded") && node.get("isBase64Encoded").asBoolean();
        byte[] bytes = base64 ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        return new Response(node.get("statusCode").asInt(), headers, bytes);
    }

    private static void write(org.eclipse.jetty.server.Response out, Callback callback, Response response) {
        out.setStatus(response.status());
        response.headers().forEach((k, v) -> out.getHeaders().put(k, v));
        out.getHeaders().put("apigw-requestid", UUID.randomUUID().toString());
        out.write(true, ByteBuffer.wrap(response.body()), callback);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("local gateway did not stop cleanly: {}", e.getClass().getName());
        }
    }
}
