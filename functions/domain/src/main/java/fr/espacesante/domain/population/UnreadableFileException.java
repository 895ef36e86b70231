package fr.espacesante.domain.population;

/** The file cannot be read (any further): bad header, broken quoting, I/O. The message is French. */
public class UnreadableFileException extends RuntimeException {
    private final long line;

    public UnreadableFileException(String reason, Throwable cause) {
        this(reason, 0, cause);
    }

    /** @param line the first line that could not be read, as the reader numbered it (0: not a line) */
    public UnreadableFileException(String reason, long line, Throwable cause) {
        super(reason, cause);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
