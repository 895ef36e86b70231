package fr.espacesante.domain.campaign;

/** A wave plan that cannot be accepted; the message is French, for the operator. */
public class InvalidWavePlanException extends RuntimeException {
    public InvalidWavePlanException(String message) {
        super(message, null, false, false);
    }
}
