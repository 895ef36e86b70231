package fr.espacesante.domain.space;

import fr.espacesante.domain.error.DomainException;

/** No space for this person (not created yet, objected, or unknown person: callers are not told which). */
public class SpaceNotFoundException extends DomainException {
    public SpaceNotFoundException() {
        super(Kind.NOT_FOUND, "ESPACE_INTROUVABLE", "Aucun espace santé ouvert pour cette personne.");
    }
}
