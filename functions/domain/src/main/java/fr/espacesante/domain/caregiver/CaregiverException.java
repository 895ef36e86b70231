package fr.espacesante.domain.caregiver;

import fr.espacesante.domain.error.DomainException;

/** A caregiver step refused: nothing changed. */
public class CaregiverException extends DomainException {

    public enum Reason {
        TOO_MANY_CAREGIVERS(Kind.CONFLICT, "AIDANTS_LIMITE", "Vous avez déjà désigné 3 aidants (invitations en cours comprises)."),
        HELPS_TOO_MANY(Kind.CONFLICT, "AIDES_LIMITE", "Un aidant peut aider 5 personnes au plus : vous aidez déjà 5 personnes."),
        INVITATION_INVALID(Kind.NOT_FOUND, "INVITATION_INVALIDE",
                "Ce code d'invitation n'est pas valable : il est inconnu, expiré, retiré, ou ne vous est pas adressé."),
        SELF(Kind.INVALID, "AIDANT_SOI_MEME", "Vous ne pouvez pas être votre propre aidant."),
        MINOR(Kind.FORBIDDEN, "AIDANT_MINEUR", "Un aidant doit être majeur."),
        ALREADY(Kind.CONFLICT, "DEJA_AIDANT", "Vous êtes déjà l'aidant de cette personne."),
        SPACE_CLOSED(Kind.CONFLICT, "ESPACE_FERME", "Cet espace santé est fermé : il ne peut plus recevoir d'aidant."),
        UNKNOWN(Kind.NOT_FOUND, "AIDANT_INCONNU", "Aucun aidant ni aucune invitation ne porte cette référence."),
        NOT_FOR_MINORS(Kind.FORBIDDEN, "AIDANT_MINEUR_AIDE",
                "Un mineur n'a pas d'aidant : ses représentants légaux agissent pour lui jusqu'à ses 18 ans.");

        private final Kind kind;
        private final String code;
        private final String message;

        Reason(Kind kind, String code, String message) {
            this.kind = kind;
            this.code = code;
            this.message = message;
        }
    }

    public CaregiverException(Reason reason) {
        super(reason.kind, reason.code, reason.message);
    }
}
