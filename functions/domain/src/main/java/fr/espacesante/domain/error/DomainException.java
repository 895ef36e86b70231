package fr.espacesante.domain.error;

import java.util.Map;

/**
 * A request the product's rules refuse. Its {@link Kind} says what kind of refusal it is (the HTTP
 * adapter turns it into a status in one place), its code is stable for programs, its message is
 * French and safe to show: it never carries an identity number or health data.
 */
public abstract class DomainException extends RuntimeException {

    /** What kind of refusal: the one thing an adapter needs to choose how to answer. */
    public enum Kind {
        /** The request itself is malformed or breaks a rule of form (400). */
        INVALID,
        /** The caller is not identified as the route requires (401). */
        UNAUTHENTICATED,
        /** The caller is identified but not allowed (403). */
        FORBIDDEN,
        /** What the request names does not exist, or is not the caller's to know of (404). */
        NOT_FOUND,
        /** The request contradicts the current state (409). */
        CONFLICT,
        /** Too many failed attempts: refused until a given time (429). */
        TOO_MANY_ATTEMPTS
    }

    private final Kind kind;
    private final String code;

    protected DomainException(Kind kind, String code, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public final Kind kind() {
        return kind;
    }

    /** Stable, machine-readable, in the product's vocabulary (e.g. {@code ESPACE_INTROUVABLE}). */
    public final String code() {
        return code;
    }

    /** The French sentence shown to people; by default the exception's message. */
    public String publicMessage() {
        return getMessage();
    }

    /** Extra fields a caller can act on (the rule that refused, when to try again); none by default. */
    public Map<String, Object> details() {
        return Map.of();
    }
}
