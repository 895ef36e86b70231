package fr.espacesante.aws.http;

import fr.espacesante.domain.access.Actor;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves the caller of a request, in one place for every function. API Gateway's JWT authorizer
 * has verified the token (signature, issuer, audience, expiry); the function checks again that the
 * issuer is the one its route serves, so a token of one population never acts as another.
 */
public final class Callers {

    private static final int MAX_SUBJECT = 255;

    private final String citizenIssuer;
    private final String professionalIssuer;
    private final String adminIssuer;
    private final String adminScope;
    private final String servicesIssuer;

    public Callers(String citizenIssuer, String professionalIssuer, String adminIssuer, String adminScope) {
        this(citizenIssuer, professionalIssuer, adminIssuer, adminScope, null);
    }

    public Callers(String citizenIssuer, String professionalIssuer, String adminIssuer, String adminScope, String servicesIssuer) {
        this.citizenIssuer = citizenIssuer;
        this.professionalIssuer = professionalIssuer;
        this.adminIssuer = adminIssuer;
        this.adminScope = adminScope;
        this.servicesIssuer = servicesIssuer;
    }

    /** From a function's environment (the template's Globals). */
    public static Callers fromEnvironment(Function<String, String> env) {
        return new Callers(env.apply("CITIZEN_ISSUER"), env.apply("PROFESSIONAL_ISSUER"), env.apply("ADMIN_ISSUER"),
                env.apply("ADMIN_SCOPE"), env.apply("SERVICES_ISSUER"));
    }

    /** The caller a route of kind {@code kind} serves, or a 401/403 refusal. */
    public <C extends Caller> C resolve(ApiRequest request, Class<C> kind) {
        Caller caller;
        if (kind == Caller.Anonymous.class) {
            caller = new Caller.Anonymous(request.sourceIp());
        } else if (kind == Caller.Citizen.class) {
            caller = new Caller.Citizen(subject(claimsOf(request, citizenIssuer)));
        } else if (kind == Caller.Professional.class) {
            caller = new Caller.Professional(professional(claimsOf(request, professionalIssuer)));
        } else if (kind == Caller.Operator.class) {
            Map<String, String> claims = claimsOf(request, adminIssuer);
            if (!request.scopes().contains(adminScope)) {
                throw ApiError.forbidden("PORTEE_INSUFFISANTE", "Cette action est réservée aux opérateurs habilités.");
            }
            caller = new Caller.Operator(subject(claims));
        } else if (kind == Caller.Service.class) {
            caller = new Caller.Service(subject(claimsOf(request, servicesIssuer)), java.util.Set.copyOf(request.scopes()));
        } else {
            throw new IllegalArgumentException("unknown caller kind " + kind.getSimpleName());
        }
        return kind.cast(caller);
    }

    private static Map<String, String> claimsOf(ApiRequest request, String issuer) {
        Map<String, String> claims = request.claims();
        if (claims.isEmpty()) {
            throw ApiError.unauthenticated("NON_AUTHENTIFIE", "Authentification requise.");
        }
        if (issuer == null || !issuer.equals(claims.get("iss"))) {
            throw ApiError.unauthenticated("EMETTEUR_INCONNU", "Ce jeton n'est pas accepté sur cette adresse.");
        }
        return claims;
    }

    private static String subject(Map<String, String> claims) {
        String subject = claims.get("sub");
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT
                || subject.chars().anyMatch(Character::isISOControl)) {
            throw ApiError.unauthenticated("SUJET_MANQUANT", "Le jeton ne désigne aucun utilisateur.");
        }
        return subject;
    }

    /**
     * The professional as the verified Pro Santé Connect claims state them. RPPS and profession are
     * taken as they come: the access policy refuses (and records) an actor whose RPPS is missing or malformed.
     */
    private static Actor.Professional professional(Map<String, String> claims) {
        String name = claims.get("name");
        if (name == null || name.isBlank()) {
            name = (claims.getOrDefault("given_name", "") + " " + claims.getOrDefault("family_name", "")).strip();
        }
        return new Actor.Professional(claims.get("rpps"), name.isBlank() ? "Professionnel de santé" : name,
                claims.get("profession"), Boolean.parseBoolean(claims.get("emergency_setting")));
    }
}
