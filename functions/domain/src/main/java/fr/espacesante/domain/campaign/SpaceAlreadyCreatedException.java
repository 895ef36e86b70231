package fr.espacesante.domain.campaign;

import fr.espacesante.domain.error.DomainException;

/** Too late to object: the space exists; the person can close it (or ask for its deletion) instead. */
public class SpaceAlreadyCreatedException extends DomainException {
    public SpaceAlreadyCreatedException() {
        super(Kind.CONFLICT, "ESPACE_DEJA_CREE", "Votre espace santé est déjà créé : vous pouvez le fermer "
                + "à tout moment depuis ses paramètres, ou demander sa suppression.");
    }
}
