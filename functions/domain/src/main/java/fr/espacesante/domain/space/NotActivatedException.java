package fr.espacesante.domain.space;

import fr.espacesante.domain.error.DomainException;

/** This login is not linked to an insured person yet: the patient must activate their space first. */
public class NotActivatedException extends DomainException {
    public NotActivatedException() {
        super(Kind.FORBIDDEN, "ESPACE_NON_ACTIVE", "Activez d'abord votre espace santé en prouvant votre identité.");
    }
}
