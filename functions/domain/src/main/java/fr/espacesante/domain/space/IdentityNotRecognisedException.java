package fr.espacesante.domain.space;

import fr.espacesante.domain.error.DomainException;

/**
 * The proof did not match a person: unknown NIR, wrong birth date or name, unknown or expired code.
 * One exception for all of them, so that callers cannot tell which (no enumeration of the registry).
 */
public class IdentityNotRecognisedException extends DomainException {
    public IdentityNotRecognisedException() {
        super(Kind.INVALID, "IDENTITE_NON_RECONNUE",
                "Les informations saisies ne permettent pas de vous identifier. Vérifiez-les et réessayez.");
    }
}
