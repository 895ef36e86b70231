package fr.espacesante.domain.access;

import fr.espacesante.domain.error.DomainException;
import java.util.Map;

/** The policy refused; the refusal is already in the access history. */
public class AccessRefusedException extends DomainException {
    private final transient AccessDecision decision;

    public AccessRefusedException(AccessDecision decision) {
        super(Kind.FORBIDDEN, decision.rule() == AccessRule.SPACE_CLOSED ? "ESPACE_FERME" : "ACCES_REFUSE",
                decision.rule() == AccessRule.SPACE_CLOSED
                        ? "Cet espace santé est fermé : son titulaire l'a clôturé, personne ne peut y lire ni y déposer."
                        : "Accès refusé : " + decision.reason() + ".");
        this.decision = decision;
    }

    public AccessDecision decision() {
        return decision;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("regle", decision.rule().id());
    }
}
