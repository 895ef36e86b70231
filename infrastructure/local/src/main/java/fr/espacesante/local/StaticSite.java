package fr.espacesante.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The web frontend on the gateway's origin, as CloudFront serves it in front of the site bucket:
 * {@code web/dist} for the paths no API route takes, {@code /config.json} written from the stack's
 * issuers, and the response-headers policy of the template (CSP without inline scripts, no framing,
 * no referrer beyond the origin).
 */
final class StaticSite {

    private final Path root;
    private final byte[] config;
    private final Map<String, String> securityHeaders;

    StaticSite(Path root, String configJson, String connectSources) {
        this.root = root.toAbsolutePath().normalize();
        this.config = configJson.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-security-policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "font-src 'self'; connect-src 'self' " + connectSources + "; frame-ancestors 'none'; base-uri 'self'; "
                + "form-action 'self'; object-src 'none'");
        headers.put("strict-transport-security", "max-age=63072000; includeSubDomains; preload");
        headers.put("x-content-type-options", "nosniff");
        headers.put("x-frame-options", "DENY");
        headers.put("referrer-policy", "same-origin");
        this.securityHeaders = Map.copyOf(headers);
    }

    boolean built() {
        return Files.isRegularFile(root.resolve("index.html"));
    }

    /** The file for a GET no API route took, if the site has it. */
    Optional<LocalGateway.Response> serve(String rawPath) {
        if (rawPath.equals("/config.json")) {
            return Optional.of(response("application/json", config, "no-store"));
        }
        String relative = rawPath.equals("/") ? "index.html" : rawPath.substring(1);
        if (relative.contains("%") || relative.contains("\\") || relative.startsWith("/")) {
            return Optional.empty();
        }
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            // Hashed assets never change; the page itself is always asked again.
            String cache = relative.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache";
            return Optional.of(response(type(relative), Files.readAllBytes(file), cache));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private LocalGateway.Response response(String type, byte[] body, String cache) {
        Map<String, String> headers = new LinkedHashMap<>(securityHeaders);
        headers.put("content-type", type);
        headers.put("cache-control", cache);
        return new LocalGateway.Response(200, headers, body);
    }

    private static String type(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".html")) return "text/html; charset=utf-8";
        if (lower.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (lower.endsWith(".css")) return "text/css; charset=utf-8";
        if (lower.endsWith(".svg")) return "image/svg+xml";
        if (lower.endsWith(".woff2")) return "font/woff2";
        if (lower.endsWith(".woff")) return "font/woff";
        if (lower.endsWith(".png")) return "image/png";
        if (lower.endsWith(".json")) return "application/json";
        return "application/octet-stream";
    }
}
