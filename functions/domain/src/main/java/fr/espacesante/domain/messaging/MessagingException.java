package fr.espacesante.domain.messaging;

import fr.espacesante.domain.error.DomainException;

/** A messaging step refused: nothing stored, nothing sent. */
public class MessagingException extends DomainException {

    public enum Reason {
        ENDED(Kind.CONFLICT, "ECHANGES_TERMINES", "Le professionnel a mis fin aux échanges : vous ne pouvez plus lui répondre "
                + "dans cette conversation tant qu'il ne vous a pas écrit de nouveau."),
        NOT_ALLOWED_TO_START(Kind.FORBIDDEN, "CONVERSATION_NON_AUTORISEE", "Vous pouvez écrire à un professionnel qui vous a "
                + "écrit sans mettre fin aux échanges, ou à votre médecin traitant s'il accepte les messages de ses patients."),
        BLOCKED(Kind.FORBIDDEN, "PROFESSIONNEL_BLOQUE", "Ce professionnel est bloqué : aucun message ne peut être échangé avec lui."),
        UNKNOWN_CONVERSATION(Kind.NOT_FOUND, "CONVERSATION_INCONNUE", "Aucune conversation ne porte cet identifiant."),
        UNKNOWN_ATTACHMENT(Kind.NOT_FOUND, "PIECE_JOINTE_INCONNUE", "Aucune pièce jointe disponible ne porte cet identifiant."),
        TOO_MANY_ATTACHMENTS(Kind.INVALID, "TROP_DE_PIECES_JOINTES", "Un message porte 5 pièces jointes au plus."),
        ATTACHMENT_TOO_LARGE(Kind.INVALID, "PIECE_JOINTE_TROP_GRANDE", "Une pièce jointe fait 10 Mio au plus."),
        ATTACHMENT_NOT_IN_SPACE(Kind.INVALID, "PIECE_JOINTE_INVALIDE",
                "Une pièce jointe doit être un document disponible de cet espace, que vous pouvez consulter."),
        EMPTY(Kind.INVALID, "MESSAGE_VIDE", "Le message est vide."),
        RESTRICTED_DOCUMENT(Kind.FORBIDDEN, "PIECE_JOINTE_RESTREINTE", "Ce document ne peut pas être joint : il est retenu "
                + "jusqu'à une consultation d'annonce, masqué aux représentants légaux ou masqué aux professionnels par le patient."),
        UNVERIFIED_PROFESSIONAL(Kind.FORBIDDEN, "PROFESSIONNEL_NON_IDENTIFIE",
                "L'identité professionnelle (RPPS) n'a pas pu être vérifiée.");

        private final Kind kind;
        private final String code;
        private final String message;

        Reason(Kind kind, String code, String message) {
            this.kind = kind;
            this.code = code;
            this.message = message;
        }
    }

    public MessagingException(Reason reason) {
        super(reason.kind, reason.code, reason.message);
    }
}
