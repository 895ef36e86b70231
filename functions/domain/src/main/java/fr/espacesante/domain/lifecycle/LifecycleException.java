package fr.espacesante.domain.lifecycle;

import fr.espacesante.domain.error.DomainException;

/** A closure, deletion or reopening that the space's state does not allow: nothing changed. */
public class LifecycleException extends DomainException {

    public enum Reason {
        ALREADY_CLOSED(Kind.CONFLICT, "ESPACE_DEJA_FERME", "Cet espace santé est déjà fermé."),
        DELETION_ALREADY_REQUESTED(Kind.CONFLICT, "SUPPRESSION_DEJA_DEMANDEE",
                "La suppression de cet espace santé est déjà demandée : elle est définitive."),
        NOT_CLOSED(Kind.CONFLICT, "ESPACE_OUVERT", "Cet espace santé est ouvert : il n'y a rien à rouvrir."),
        BEING_DELETED(Kind.CONFLICT, "SUPPRESSION_EN_COURS",
                "Cet espace santé est en cours de suppression : la suppression est définitive, il ne peut plus être rouvert."),
        CONFIRMATION_MISSING(Kind.INVALID, "CONFIRMATION_REQUISE",
                "La suppression est définitive : confirmez-la en écrivant « SUPPRIMER »."),
        OWNER_ONLY(Kind.FORBIDDEN, "SUPPRESSION_RESERVEE_AU_TITULAIRE",
                "Seul le titulaire peut demander la suppression définitive de son espace ; un représentant légal peut le fermer.");

        private final Kind kind;
        private final String code;
        private final String message;

        Reason(Kind kind, String code, String message) {
            this.kind = kind;
            this.code = code;
            this.message = message;
        }
    }

    private final Reason reason;

    public LifecycleException(Reason reason) {
        super(reason.kind, reason.code, reason.message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
