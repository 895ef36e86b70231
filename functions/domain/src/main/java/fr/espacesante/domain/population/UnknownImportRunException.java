package fr.espacesante.domain.population;

/** A range names an import run that does not exist: delivering it again would not change that. */
public final class UnknownImportRunException extends IllegalArgumentException {

    public UnknownImportRunException(String importId) {
        super("no import run " + importId);
    }
}
