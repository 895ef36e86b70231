package fr.espacesante.domain.space;

/**
 * The proof did not match a person: unknown NIR, wrong birth date or name, unknown or expired code.
 * One exception for all of them, so that callers cannot tell which (no enumeration of the registry).
 */
public class IdentityNotRecognisedException extends RuntimeException {
    public IdentityNotRecognisedException() {
        super("identity not recognised", null, false, false);
    }
}
