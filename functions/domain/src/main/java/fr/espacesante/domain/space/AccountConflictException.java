package fr.espacesante.domain.space;

import fr.espacesante.domain.error.DomainException;
import fr.espacesante.domain.space.port.out.IdentityLinks.LinkOutcome;

/** The login or the person is already linked to someone else. */
public class AccountConflictException extends DomainException {
    private final LinkOutcome outcome;

    public AccountConflictException(LinkOutcome outcome) {
        super(Kind.CONFLICT, outcome == LinkOutcome.SUBJECT_LINKED_ELSEWHERE ? "COMPTE_DEJA_RATTACHE" : "PERSONNE_DEJA_RATTACHEE",
                outcome == LinkOutcome.SUBJECT_LINKED_ELSEWHERE
                        ? "Ce compte de connexion est déjà rattaché à une autre personne."
                        : "Cet espace santé est déjà rattaché à un autre compte de connexion. "
                                + "Contactez votre caisse d'assurance maladie.");
        this.outcome = outcome;
    }

    public LinkOutcome outcome() {
        return outcome;
    }
}
