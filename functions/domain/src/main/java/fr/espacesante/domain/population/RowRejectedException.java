package fr.espacesante.domain.population;

/** A registry line that cannot be imported; the message is the French reason written to the report. */
public class RowRejectedException extends RuntimeException {
    public RowRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
