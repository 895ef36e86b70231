package fr.espacesante.domain.nir;

/** A NIR that fails the INSEE rules; the message is a French reason safe to show (it never repeats the number). */
public class InvalidNirException extends RuntimeException {
    public InvalidNirException(String reason) {
        super(reason);
    }
}
