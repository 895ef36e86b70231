package fr.espacesante.domain.population;

import java.time.Instant;

/** One execution of the population import over one file. */
public record ImportRun(String importId, RegistryFile file, Instant startedAt, Instant finishedAt,
                        ImportSummary summary, String reportLocation) {
}
