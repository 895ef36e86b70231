package fr.espacesante.domain.catalogue;

import fr.espacesante.domain.error.DomainException;

/** A catalogue change or a connection refused: nothing stored. */
public class CatalogueException extends DomainException {

    public enum Reason {
        UNKNOWN_SERVICE(Kind.NOT_FOUND, "SERVICE_INCONNU", "Aucun service référencé ne porte cet identifiant."),
        SERVICE_NOT_ONLINE(Kind.CONFLICT, "SERVICE_INDISPONIBLE", "Ce service est suspendu ou n'est plus référencé : il ne peut pas être connecté."),
        NO_PURPOSE(Kind.INVALID, "FINALITE_MANQUANTE", "Choisissez au moins une finalité."),
        PURPOSE_NOT_OFFERED(Kind.INVALID, "FINALITE_NON_PROPOSEE", "Ce service ne propose pas cette finalité."),
        UNKNOWN_PURPOSE(Kind.INVALID, "FINALITE_INCONNUE", "Finalité inconnue : prevention, diagnostic, soin ou suivi-social."),
        UNKNOWN_DATA(Kind.INVALID, "DONNEE_INCONNUE", "Donnée inconnue : documents:<catégorie>, mesures:<type> ou agenda."),
        CHANGED_MEANWHILE(Kind.CONFLICT, "MODIFIE_ENTRE_TEMPS", "La connexion a changé entre-temps (révoquée ?) : rechargez la page."),
        NOT_CONNECTED(Kind.NOT_FOUND, "SERVICE_NON_CONNECTE", "Ce service n'est pas connecté à cet espace."),
        INVALID_ENTRY(Kind.INVALID, "REFERENTIEL_INVALIDE", "Le référentiel du catalogue est invalide."),
        UNKNOWN_CATEGORY(Kind.INVALID, "CATEGORIE_INCONNUE", "Catégorie inconnue du catalogue.");

        private final Kind kind;
        private final String code;
        private final String message;

        Reason(Kind kind, String code, String message) {
            this.kind = kind;
            this.code = code;
            this.message = message;
        }
    }

    private final String detail;

    public CatalogueException(Reason reason) {
        this(reason, null);
    }

    /** @param detail what was wrong, in French, appended to the message (never health data) */
    public CatalogueException(Reason reason, String detail) {
        super(reason.kind, reason.code, detail == null ? reason.message : reason.message + " " + detail);
        this.detail = detail;
    }
}
