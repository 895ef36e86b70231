package fr.espacesante.local;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import fr.espacesante.local.SamTemplate.Authorizer;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JWT authorizers as API Gateway HTTP APIs run them: RS256 signature from the issuer's JWKS,
 * {@code iss} equal to the configured issuer, {@code aud} (or {@code client_id}) among the configured
 * audiences, {@code exp} and {@code nbf} checked, then the route's scopes against {@code scope}/{@code scp}.
 */
final class JwtAuthorizers {

    record Verified(JWTClaimsSet claims, List<String> scopes) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Authorizer> authorizers;
    private final Map<String, DefaultJWTProcessor<SecurityContext>> processors = new ConcurrentHashMap<>();

    JwtAuthorizers(Map<String, Authorizer> authorizers) {
        this.authorizers = authorizers;
    }

    /** Empty when the token is missing, malformed, badly signed, from another issuer or audience, or expired. */
    Optional<Verified> verify(String authorizerName, String authorizationHeader) {
        Authorizer authorizer = authorizers.get(authorizerName);
        if (authorizer == null || authorizationHeader == null || authorizationHeader.isBlank()) {
            return Optional.empty();
        }
        String token = authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorizationHeader.substring(7).trim() : authorizationHeader.trim();
        try {
            JWTClaimsSet claims = processor(authorizer).process(token, null);
            List<String> audiences = claims.getAudience();
            String clientId = claims.getStringClaim("client_id");
            boolean audienceMatches = audiences.stream().anyMatch(authorizer.audiences()::contains)
                    || (clientId != null && authorizer.audiences().contains(clientId));
            if (!audienceMatches) {
                return Optional.empty();
            }
            return Optional.of(new Verified(claims, scopes(claims)));
        } catch (Exception invalid) {
            return Optional.empty();
        }
    }

    private DefaultJWTProcessor<SecurityContext> processor(Authorizer authorizer) {
        return processors.computeIfAbsent(authorizer.name(), name -> {
            try {
                JWKSource<SecurityContext> keys = JWKSourceBuilder
                        .create(URI.create(jwksUri(authorizer.issuer())).toURL())
                        .retrying(true)
                        .build();
                DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
                processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
                processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
                // exp and nbf are required-if-present by default; exp is required here, as API Gateway does.
                processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                        new JWTClaimsSet.Builder().issuer(authorizer.issuer()).build(),
                        new HashSet<>(Set.of("exp", "iss"))));
                return processor;
            } catch (MalformedURLException e) {
                throw new IllegalStateException("bad issuer URL " + authorizer.issuer(), e);
            }
        });
    }

    /** As API Gateway does: the JWKS location comes from the issuer's OpenID discovery document. */
    private static String jwksUri(String issuer) {
        try {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body()).get("jwks_uri").asString();
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("no OpenID discovery document at " + issuer, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> scopes(JWTClaimsSet claims) throws java.text.ParseException {
        Object scope = claims.getClaim("scope");
        if (scope == null) {
            scope = claims.getClaim("scp");
        }
        if (scope instanceof String s) {
            return List.of(s.trim().split("\\s+"));
        }
        if (scope instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
