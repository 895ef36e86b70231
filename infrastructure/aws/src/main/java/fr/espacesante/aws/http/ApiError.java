package fr.espacesante.aws.http;

import fr.espacesante.domain.error.DomainException;

/**
 * A request refused before any use case runs (unreadable body, missing field, wrong token): a kind,
 * a stable code and a French message, answered like any domain refusal. Never carries an exception's
 * own text.
 */
public final class ApiError extends DomainException {

    public ApiError(Kind kind, String code, String message) {
        super(kind, code, message);
    }

    public static ApiError invalid(String code, String message) {
        return new ApiError(Kind.INVALID, code, message);
    }

    /** What an unexpected failure is told as, by an API that writes its own refusals. */
    public static ApiError internal() {
        return new ApiError(Kind.CONFLICT, "ERREUR_INTERNE", "Le service n'a pas pu traiter la demande. Réessayez plus tard.");
    }

    public static ApiError notFound(String code, String message) {
        return new ApiError(Kind.NOT_FOUND, code, message);
    }

    public static ApiError forbidden(String code, String message) {
        return new ApiError(Kind.FORBIDDEN, code, message);
    }

    public static ApiError unauthenticated(String code, String message) {
        return new ApiError(Kind.UNAUTHENTICATED, code, message);
    }
}
