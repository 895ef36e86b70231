package fr.espacesante.domain.space;

/** This login is not linked to an insured person yet: the patient must activate their space first. */
public class NotActivatedException extends RuntimeException {
    public NotActivatedException() {
        super("not activated", null, false, false);
    }
}
