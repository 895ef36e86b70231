package fr.espacesante.domain.access;

/** The policy refused; the refusal is already in the access history. */
public class AccessRefusedException extends RuntimeException {
    private final transient AccessDecision decision;

    public AccessRefusedException(AccessDecision decision) {
        super(decision.rule().id(), null, false, false);
        this.decision = decision;
    }

    public AccessDecision decision() {
        return decision;
    }
}
