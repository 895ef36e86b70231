package fr.espacesante.domain.space;

import fr.espacesante.domain.port.out.IdentityLinks.LinkOutcome;

/** The login or the person is already linked to someone else. */
public class AccountConflictException extends RuntimeException {
    private final LinkOutcome outcome;

    public AccountConflictException(LinkOutcome outcome) {
        super(outcome.name(), null, false, false);
        this.outcome = outcome;
    }

    public LinkOutcome outcome() {
        return outcome;
    }
}
