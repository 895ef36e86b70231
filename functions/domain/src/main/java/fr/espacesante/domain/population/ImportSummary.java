package fr.espacesante.domain.population;

import java.util.Optional;

/**
 * The counts of one import run. Every data line read ends in exactly one of created, updated,
 * unchanged or rejected, unless the file became unreadable ({@code fileError}).
 */
public record ImportSummary(long read, long created, long updated, long unchanged, long rejected,
                            Optional<String> fileError) {

    public boolean complete() {
        return fileError.isEmpty() && read == created + updated + unchanged + rejected;
    }
}
