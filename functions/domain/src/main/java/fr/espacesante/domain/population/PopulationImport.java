package fr.espacesante.domain.population;

import fr.espacesante.domain.population.port.in.ImportRegistryFile;
import fr.espacesante.domain.population.port.out.ImportHistory;
import fr.espacesante.domain.population.port.out.ImportReports;
import fr.espacesante.domain.population.port.out.PersonRegistry;
import fr.espacesante.domain.population.port.out.RegistryFiles;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The population import of a whole file in one invocation: read line by line, each valid person
 * stored, every rejected line reported. Files too large for one invocation are cut into ranges
 * ({@link RegistrySplitter}, {@link RangeImport}); this path remains the benchmarks' reference.
 */
public final class PopulationImport implements ImportRegistryFile {

    private final RegistryFiles files;
    private final ImportReports reports;
    private final ImportHistory history;
    private final RowStorage storage;
    private final Clock clock;

    public PopulationImport(RegistryFiles files, PersonRegistry registry, ImportReports reports,
                            ImportHistory history, RegistryRowValidator validator, Clock clock, int workers) {
        this.files = files;
        this.reports = reports;
        this.history = history;
        this.storage = new RowStorage(registry, validator, workers);
        this.clock = clock;
    }

    @Override
    public ImportRun importFile(RegistryFile file) {
        Instant startedAt = clock.instant();
        String importId = ImportRun.newId(startedAt);
        ImportSummary summary;
        String reportLocation;
        try (ImportReports.Writer report = reports.start(file, importId)) {
            try (RegistryFiles.Rows rows = files.open(file)) {
                summary = storage.store(rows, report, line -> importId + ":" + line).summary();
            } catch (UnreadableFileException e) {
                summary = ImportSummary.nothingRead(Optional.of(e.getMessage()));
            }
            reportLocation = report.finish(summary);
        }
        ImportRun run = new ImportRun(importId, file, startedAt, clock.instant(), summary, reportLocation,
                ImportRun.Progress.single());
        history.record(run);
        return run;
    }
}
