package fr.espacesante.domain.campaign;

import fr.espacesante.domain.error.DomainException;

/** A wave plan that cannot be accepted; the message is French, for the operator. */
public class InvalidWavePlanException extends DomainException {
    public InvalidWavePlanException(String message) {
        super(Kind.INVALID, "VAGUE_INVALIDE", message);
    }
}
