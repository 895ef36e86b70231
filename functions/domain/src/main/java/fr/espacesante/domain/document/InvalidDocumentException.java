package fr.espacesante.domain.document;

/** A deposit request that cannot be accepted; the message is French, for the caller. */
public class InvalidDocumentException extends RuntimeException {
    private final String code;

    public InvalidDocumentException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
