package fr.espacesante.domain.family;

import fr.espacesante.domain.error.DomainException;

/** A request about a minor's space that cannot be granted; the message is French, for the parent. */
public class GuardianshipException extends DomainException {

    public enum Reason {
        NOT_A_MINOR(Kind.INVALID, "PERSONNE_MAJEURE",
                "Cette personne est majeure : elle active elle-même son espace santé."),
        ATTACHED_TO_ANOTHER_PARENT(Kind.CONFLICT, "ENFANT_DEJA_RATTACHE",
                "L'espace santé de cet enfant est déjà rattaché au compte de l'autre parent."),
        AGREEMENT_MISSING(Kind.INVALID, "ACCORD_MANQUANT",
                "Indiquez le nom de l'autre parent qui a donné son accord, ou déclarez exercer seul l'autorité parentale."),
        UNKNOWN_CHILD(Kind.NOT_FOUND, "ENFANT_INCONNU", "Aucun enfant rattaché à votre compte ne porte cette référence."),
        CHILD_OF_AGE(Kind.FORBIDDEN, "ENFANT_MAJEUR",
                "Votre enfant est majeur : son espace santé lui revient et vous ne pouvez plus agir pour lui.");

        private final Kind kind;
        private final String code;
        private final String message;

        Reason(Kind kind, String code, String message) {
            this.kind = kind;
            this.code = code;
            this.message = message;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public GuardianshipException(Reason reason) {
        super(reason.kind, reason.code, reason.message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
