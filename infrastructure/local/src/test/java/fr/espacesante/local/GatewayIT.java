package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import fr.espacesante.local.support.Http;
import fr.espacesante.local.support.LocalStackSupport;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The local HTTP API answers as API Gateway does: JWT authorizers from the template, 2.0 events. */
class GatewayIT {

    private final LocalStack stack = LocalStackSupport.shared();
    private final OidcIssuers issuers = stack.issuers();
    private final String imports = stack.gatewayUrl() + "/admin/population/imports";
    private final String adminAudience = stack.parameter("AdminAudience");
    private final String adminScope = stack.parameter("AdminScope");

    @Test
    void the_right_operator_token_gets_200_and_json() {
        var response = Http.get(imports, issuers.operatorToken(adminAudience, adminScope, "042"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        assertThat(Http.json(response).get("imports").isArray()).isTrue();
    }

    @Test
    void no_token_is_401_as_api_gateway_answers() {
        var response = Http.get(imports, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }

    @Test
    void a_token_from_another_issuer_is_401() {
        String professional = issuers.token(OidcIssuers.PROFESSIONAL, "rpps-10000000001", List.of(adminAudience),
                Map.of("scope", adminScope), 3600);

        assertThat(Http.get(imports, professional).statusCode()).isEqualTo(401);
    }

    @Test
    void an_expired_token_is_401() {
        String expired = issuers.token(OidcIssuers.ADMIN, "agent-1", List.of(adminAudience),
                Map.of("scope", adminScope), -120);

        assertThat(Http.get(imports, expired).statusCode()).isEqualTo(401);
    }

    @Test
    void a_token_for_another_audience_is_401() {
        String otherAudience = issuers.token(OidcIssuers.ADMIN, "agent-1", List.of("une-autre-application"),
                Map.of("scope", adminScope), 3600);

        assertThat(Http.get(imports, otherAudience).statusCode()).isEqualTo(401);
    }

    @Test
    void a_tampered_token_is_401() throws Exception {
        String token = issuers.operatorToken(adminAudience, adminScope, "042");
        SignedJWT jwt = SignedJWT.parse(token);
        String forgedClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                jwt.getJWTClaimsSet().toString().replace("agent-042", "agent-666").getBytes());
        String[] parts = token.split("\\.");

        assertThat(Http.get(imports, parts[0] + "." + forgedClaims + "." + parts[2]).statusCode()).isEqualTo(401);
        assertThat(Http.get(imports, "pas-un-jeton").statusCode()).isEqualTo(401);
    }

    @Test
    void a_valid_token_without_the_admin_scope_is_403() {
        String noScope = issuers.token(OidcIssuers.ADMIN, "agent-1", List.of(adminAudience), Map.of("scope", "openid"), 3600);

        assertThat(Http.get(imports, noScope).statusCode()).isEqualTo(403);
    }

    @Test
    void unknown_routes_are_404_and_unknown_imports_a_coded_french_error() {
        String token = issuers.operatorToken(adminAudience, adminScope, "042");

        assertThat(Http.get(stack.gatewayUrl() + "/nulle-part", token).statusCode()).isEqualTo(404);
        var unknown = Http.get(imports + "/inconnu", token);
        assertThat(unknown.statusCode()).isEqualTo(404);
        JsonNode body = Http.json(unknown);
        assertThat(body.get("code").asString()).isEqualTo("IMPORT_INCONNU");
        assertThat(body.get("message").asString()).isEqualTo("Aucun import ne porte cet identifiant.");
    }

    @Test
    void a_bad_query_parameter_is_400_with_a_code() {
        var response = Http.get(imports + "?limite=0", issuers.operatorToken(adminAudience, adminScope, "042"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).get("code").asString()).isEqualTo("LIMITE_INVALIDE");
    }

    @Test
    void persona_tokens_are_served_under_local() {
        var token = Http.post(stack.gatewayUrl() + "/_local/tokens/operator?agent=7", "");
        assertThat(token.statusCode()).isEqualTo(200);
        String jwt = Http.json(token).get("access_token").asString();

        assertThat(Http.get(imports, jwt).statusCode()).isEqualTo(200);
        assertThat(Http.post(stack.gatewayUrl() + "/_local/tokens/patient", "").statusCode()).isEqualTo(400);
    }
}
