package fr.espacesante.domain.error;

/** A pagination cursor that this listing did not hand out: malformed, crafted, or from another listing. */
public class InvalidCursorException extends DomainException {
    public InvalidCursorException() {
        super(Kind.INVALID, "CURSEUR_INVALIDE", "Le curseur de pagination n'est pas valide pour cette liste.");
    }
}
