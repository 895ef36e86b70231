package fr.espacesante.domain.nir;

import fr.espacesante.domain.error.DomainException;

/**
 * A NIR that fails the INSEE rules. The message is a French reason for the import report (it never
 * repeats the number); callers of the API get a plain sentence.
 */
public class InvalidNirException extends DomainException {
    public InvalidNirException(String reason) {
        super(Kind.INVALID, "INS_INVALIDE", reason);
    }

    @Override
    public String publicMessage() {
        return "Le matricule INS (numéro de sécurité sociale) n'est pas valide.";
    }
}
