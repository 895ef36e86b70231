package fr.espacesante.domain.document;

import fr.espacesante.domain.error.DomainException;

/** A document request that cannot be granted; the message is French, for the caller. */
public class InvalidDocumentException extends DomainException {
    public InvalidDocumentException(Kind kind, String code, String message) {
        super(kind, code, message);
    }
}
