package fr.espacesante.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import fr.espacesante.domain.access.AccessRefusedException;
import fr.espacesante.domain.access.Actor;
import fr.espacesante.domain.access.InvalidRppsException;
import fr.espacesante.domain.access.SettingConflictException;
import fr.espacesante.domain.family.GuardianshipException;
import fr.espacesante.domain.nir.InvalidNirException;
import fr.espacesante.domain.port.out.IdentityLinks;
import fr.espacesante.domain.space.AccountConflictException;
import fr.espacesante.domain.space.IdentityNotRecognisedException;
import fr.espacesante.domain.space.NotActivatedException;
import fr.espacesante.domain.space.SpaceNotFoundException;
import fr.espacesante.domain.space.TooManyAttemptsException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
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

    private static final DateTimeFormatter FRENCH_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH' h 'mm", Locale.FRENCH)
            .withZone(ZoneId.of("Europe/Paris"));

    private HttpApi() {
    }

    /** Runs a route handler; domain and request errors become their 4xx, anything else a bare 500. */
    public static APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event,
                                                  Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> route) {
        try {
            return route.apply(event);
        } catch (ApiError e) {
            return error(e.status(), e.code(), e.getMessage());
        } catch (AccessRefusedException e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", "ACCES_REFUSE");
            body.put("message", "Accès refusé : " + e.decision().reason() + ".");
            body.put("regle", e.decision().rule().id());
            return json(403, body);
        } catch (SpaceNotFoundException e) {
            return error(404, "ESPACE_INTROUVABLE", "Aucun espace santé ouvert pour cette personne.");
        } catch (NotActivatedException e) {
            return error(403, "ESPACE_NON_ACTIVE",
                    "Activez d'abord votre espace santé en prouvant votre identité.");
        } catch (IdentityNotRecognisedException e) {
            return error(400, "IDENTITE_NON_RECONNUE",
                    "Les informations saisies ne permettent pas de vous identifier. Vérifiez-les et réessayez.");
        } catch (TooManyAttemptsException e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", "TROP_DE_TENTATIVES");
            body.put("message", "Trop de tentatives infructueuses. Réessayez après " + FRENCH_TIME.format(e.retryAfter()) + ".");
            body.put("reessayerApres", e.retryAfter().toString());
            return json(429, body);
        } catch (AccountConflictException e) {
            return e.outcome() == IdentityLinks.LinkOutcome.SUBJECT_LINKED_ELSEWHERE
                    ? error(409, "COMPTE_DEJA_RATTACHE", "Ce compte de connexion est déjà rattaché à une autre personne.")
                    : error(409, "PERSONNE_DEJA_RATTACHEE",
                            "Cet espace santé est déjà rattaché à un autre compte de connexion. Contactez votre caisse d'assurance maladie.");
        } catch (GuardianshipException e) {
            int status = switch (e.reason()) {
                case UNKNOWN_CHILD -> 404;
                case CHILD_OF_AGE -> 403;
                case ATTACHED_TO_ANOTHER_PARENT -> 409;
                case NOT_A_MINOR, AGREEMENT_MISSING -> 400;
            };
            return error(status, e.reason().code(), e.getMessage());
        } catch (InvalidRppsException e) {
            return error(400, "RPPS_INVALIDE", "Le numéro RPPS doit comporter 11 chiffres.");
        } catch (InvalidNirException e) {
            return error(400, "INS_INVALIDE", "Le matricule INS (numéro de sécurité sociale) n'est pas valide.");
        } catch (SettingConflictException e) {
            return error(409, "MEDECIN_TRAITANT_BLOQUE",
                    "Ce professionnel est bloqué : débloquez-le avant de le désigner comme médecin traitant.");
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

    /** The request body as JSON; a body that is absent or not a JSON object is the caller's error. */
    public static JsonNode body(APIGatewayV2HTTPEvent event) {
        String raw = event.getBody();
        if (raw != null && event.getIsBase64Encoded()) {
            raw = new String(java.util.Base64.getDecoder().decode(raw), java.nio.charset.StandardCharsets.UTF_8);
        }
        try {
            JsonNode body = raw == null || raw.isBlank() ? null : JSON.readTree(raw);
            if (body != null && body.isObject()) {
                return body;
            }
        } catch (JacksonException malformed) {
            // Answered below, without echoing the body.
        }
        throw ApiError.badRequest("CORPS_INVALIDE", "Le corps de la requête doit être un objet JSON.");
    }

    /** A required text field of a JSON body. */
    public static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw ApiError.badRequest("CHAMP_MANQUANT", "Le champ « " + field + " » est obligatoire.");
        }
        return value.asString().strip();
    }

    public static Optional<String> optionalText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw ApiError.badRequest("CHAMP_INVALIDE", "Le champ « " + field + " » doit être un texte.");
        }
        return Optional.of(value.asString().strip()).filter(v -> !v.isEmpty());
    }

    public static boolean bool(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isBoolean()) {
            throw ApiError.badRequest("CHAMP_MANQUANT", "Le champ « " + field + " » doit valoir true ou false.");
        }
        return value.asBoolean();
    }

    /** The caller's address as API Gateway saw it: the key of per-client attempt limits. */
    public static String sourceIp(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        String ip = context == null || context.getHttp() == null ? null : context.getHttp().getSourceIp();
        return ip == null ? "inconnue" : ip;
    }

    /** The token's issuer, re-checked by the function against the one its route must accept. */
    public static void requireIssuer(APIGatewayV2HTTPEvent event, String expectedIssuer) {
        if (!expectedIssuer.equals(claims(event).get("iss"))) {
            throw new ApiError(401, "EMETTEUR_INCONNU", "Ce jeton n'est pas accepté sur cette adresse.");
        }
    }

    /** A page size from the caller: absent → {@code byDefault}; otherwise an integer from 1 to {@code max}. */
    public static int limit(Optional<String> raw, int byDefault, int max) {
        try {
            int limit = raw.map(String::strip).map(Integer::parseInt).orElse(byDefault);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // Answered below.
        }
        throw ApiError.badRequest("LIMITE_INVALIDE", "Le paramètre « limite » doit être un entier entre 1 et " + max + ".");
    }

    /**
     * The professional as the verified Pro Santé Connect claims state them. RPPS and profession are
     * taken as they come: the access policy refuses an actor whose RPPS is missing or malformed.
     */
    public static Actor.Professional professional(APIGatewayV2HTTPEvent event) {
        Map<String, String> claims = claims(event);
        String name = claims.get("name");
        if (name == null || name.isBlank()) {
            name = (claims.getOrDefault("given_name", "") + " " + claims.getOrDefault("family_name", "")).strip();
        }
        return new Actor.Professional(claims.get("rpps"), name.isBlank() ? "Professionnel de santé" : name,
                claims.get("profession"), Boolean.parseBoolean(claims.get("emergency_setting")));
    }
}
