package fr.espacesante.domain.population;

import java.util.Optional;

/**
 * The counts of one import run. Every data line read ends in exactly one of created, updated,
 * unchanged or rejected, unless the file became unreadable ({@code fileError}).
 */
public record ImportSummary(long read, long created, long updated, long unchanged, long rejected,
                            Optional<String> fileError) {

    /** No line read: an empty run, or a file that could not be read from its start. */
    public static ImportSummary nothingRead(Optional<String> fileError) {
        return new ImportSummary(0, 0, 0, 0, 0, fileError);
    }

    public ImportSummary withFileError(Optional<String> error) {
        return new ImportSummary(read, created, updated, unchanged, rejected, error);
    }

    public boolean complete() {
        return fileError.isEmpty() && read == created + updated + unchanged + rejected;
    }
}
