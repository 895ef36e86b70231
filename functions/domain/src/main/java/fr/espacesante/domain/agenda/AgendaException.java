package fr.espacesante.domain.agenda;

import fr.espacesante.domain.error.DomainException;

/** An agenda entry refused: nothing stored. */
public class AgendaException extends DomainException {

    public enum Reason {
        TOO_MANY_REMINDERS(Kind.CONFLICT, "RAPPELS_LIMITE", "Dix rappels au plus pour une même date."),
        INVALID_RPPS(Kind.INVALID, "RPPS_INVALIDE", "Le numéro RPPS compte 11 chiffres."),
        INVALID_FINESS(Kind.INVALID, "FINESS_INVALIDE", "Le numéro FINESS compte 9 caractères (chiffres, ou 2A/2B)."),
        INVALID_REMINDER_DELAY(Kind.INVALID, "DELAI_RAPPEL_INVALIDE",
                "Le rappel par courriel part de 0 à 7 jours avant (0 : deux heures avant)."),
        DONE_IN_THE_FUTURE(Kind.INVALID, "DATE_FUTURE", "Un rendez-vous passé ne peut pas avoir lieu dans le futur."),
        DONE_WITHOUT_DATE(Kind.INVALID, "DATE_MANQUANTE", "Indiquez la date à laquelle cela a été fait."),
        DATE_WITHOUT_DONE(Kind.INVALID, "DATE_INUTILE", "Une date ne s'indique que pour ce qui a été fait."),
        UNKNOWN_PREVENTION(Kind.NOT_FOUND, "PREVENTION_INCONNUE",
                "Cet élément du calendrier de prévention ne concerne pas cette personne."),
        UNKNOWN_SUBSCRIPTION(Kind.NOT_FOUND, "ABONNEMENT_INCONNU", "Cette adresse d'abonnement n'existe pas ou a été révoquée."),
        UNKNOWN(Kind.NOT_FOUND, "ENTREE_AGENDA_INCONNUE", "Aucune entrée de l'agenda ne porte cet identifiant.");

        private final Kind kind;
        private final String code;
        private final String message;

        Reason(Kind kind, String code, String message) {
            this.kind = kind;
            this.code = code;
            this.message = message;
        }
    }

    public AgendaException(Reason reason) {
        super(reason.kind, reason.code, reason.message);
    }
}
