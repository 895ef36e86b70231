package fr.espacesante.local;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * The three identity providers of the product, as issuers of one mock-oauth2-server: discovery,
 * JWKS and RS256 tokens, plus an interactive login page for the web UI.
 */
public final class OidcIssuers implements AutoCloseable {

    public static final String CITIZEN = "citizen";
    public static final String PROFESSIONAL = "professional";
    public static final String ADMIN = "admin";
    /** The catalogue's referenced services: OAuth2 client credentials, SMART scopes. */
    public static final String SERVICES = "services";

    private final MockOAuth2Server server;
    private final int port;

    private OidcIssuers(MockOAuth2Server server, int port) {
        this.server = server;
        this.port = port;
    }

    static OidcIssuers start(int port) {
        return start(port, Map.of());
    }

    /**
     * @param loginClaims per issuer, the claims its interactive login page adds to the tokens it
     *                    issues (the audience the API's authorizer expects, an operator's scope), as
     *                    FranceConnect through Cognito and the operators' provider would
     */
    static OidcIssuers start(int port, Map<String, Map<String, Object>> loginClaims) {
        List<Map<String, Object>> callbacks = new java.util.ArrayList<>();
        loginClaims.forEach((issuer, claims) -> callbacks.add(Map.of("issuerId", issuer, "tokenExpiry", 3600,
                "requestMappings", List.of(Map.of("requestParam", "grant_type", "match", "*", "claims", claims)))));
        String json = tools.jackson.databind.json.JsonMapper.builder().build()
                .writeValueAsString(Map.of("interactiveLogin", true, "tokenCallbacks", callbacks));
        MockOAuth2Server server = new MockOAuth2Server(OAuth2Config.Companion.fromJson(json));
        try {
            // Named "localhost" without a lookup: that name is what the issuer writes in `iss`.
            server.start(InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        return new OidcIssuers(server, server.url("/").port());
    }

    public String issuerUrl(String issuerId) {
        return "http://localhost:" + port + "/" + issuerId;
    }

    /** A token as an identity provider would issue it. Expiry in seconds; negative gives an expired token. */
    public String token(String issuerId, String subject, List<String> audience, Map<String, Object> claims,
                        long expirySeconds) {
        return server.issueToken(issuerId, "espace-sante-local", new DefaultOAuth2TokenCallback(
                issuerId, subject, "JWT", audience, claims, expirySeconds)).serialize();
    }

    // ------------------------------------------------------------ personas

    /**
     * A citizen login. Like FranceConnect, the token carries a stable {@code sub} and names, never the
     * NIR: the person proves they are an insured person at activation.
     */
    public String patientToken(String audience, String subject, String givenName, String familyName) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("given_name", givenName);
        claims.put("family_name", familyName);
        claims.put("scope", "openid profile");
        return token(CITIZEN, subject, List.of(audience), claims, 3600);
    }

    /**
     * A health professional: RPPS number, profession, and whether they work in an emergency setting.
     * A null RPPS or profession leaves the claim out (a token the functions must refuse).
     */
    public String professionalToken(String audience, String rpps, String profession, boolean emergencySetting) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (rpps != null) {
            claims.put("rpps", rpps);
        }
        if (profession != null) {
            claims.put("profession", profession);
        }
        claims.put("name", "Dr " + (rpps == null ? "Sans Numéro" : "Praticien " + rpps.substring(Math.max(0, rpps.length() - 4))));
        claims.put("emergency_setting", emergencySetting);
        claims.put("scope", "openid");
        return token(PROFESSIONAL, "psc-" + (rpps == null ? UUID.randomUUID() : rpps), List.of(audience), claims, 3600);
    }

    /** A health-insurance operator holding the admin scope. */
    public String operatorToken(String audience, String scope, String agentId) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("scope", scope);
        claims.put("name", "Agent " + agentId);
        return token(ADMIN, "agent-" + agentId, List.of(audience), claims, 3600);
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
