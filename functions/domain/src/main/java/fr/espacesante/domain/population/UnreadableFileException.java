package fr.espacesante.domain.population;

/** The file cannot be read (any further): bad header, broken quoting, I/O. The message is French. */
public class UnreadableFileException extends RuntimeException {
    public UnreadableFileException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
