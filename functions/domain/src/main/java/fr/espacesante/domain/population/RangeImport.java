package fr.espacesante.domain.population;

import fr.espacesante.domain.population.port.out.ImportHistory;
import fr.espacesante.domain.population.port.out.ImportReports;
import fr.espacesante.domain.population.port.out.PersonRegistry;
import fr.espacesante.domain.population.port.out.RegistryFileRanges;
import java.time.Clock;
import java.util.Optional;

/**
 * A worker's import of one range; the worker that settles the last range ends the run
 * ({@link RunCompletion}): it merges the ranges' rejections into the file's report.
 *
 * <p>Every step may be replayed (a message is delivered at least once, a worker may crash anywhere):
 * the persons' writes carry their line's origin, a range is counted once, and the run is finished
 * once.
 */
public final class RangeImport {

    private final RegistryFileRanges files;
    private final ImportReports reports;
    private final ImportHistory history;
    private final RowStorage storage;
    private final RunCompletion completion;

    public RangeImport(RegistryFileRanges files, PersonRegistry registry, ImportReports reports,
                       ImportHistory history, RegistryRowValidator validator, Clock clock, int workers) {
        this.files = files;
        this.reports = reports;
        this.history = history;
        this.storage = new RowStorage(registry, validator, workers);
        this.completion = new RunCompletion(files, history, reports, clock);
    }

    /** How the runs this worker feeds end, for the splitter and the dead-letter reader. */
    public RunCompletion completion() {
        return completion;
    }

    /** Imports the range unless it is already settled, then finishes the run if it was the last. */
    public ImportRun importRange(RegistryRange range) {
        ImportRun run = completion.run(range);
        if (!run.progress().isSettled(range.index())) {
            RangeResult result = read(range);
            run = history.settle(range, result).orElseGet(() -> completion.run(range));
        }
        return completion.finishIfLast(run);
    }

    private RangeResult read(RegistryRange range) {
        try (ImportReports.Writer part = reports.startRange(range);
             RegistryFileRanges.RangeRows rows = files.open(range)) {
            RowStorage.Stored stored = storage.store(rows, part, range::origin);
            // A line within the range means nothing to operators: the run's error names it once the ranges before are known.
            ImportSummary summary = stored.unreadableFrom() > 0 ? stored.summary().withFileError(Optional.empty())
                    : stored.summary();
            long lineFeeds = rows.lineFeeds();
            part.finish(summary);
            return new RangeResult(summary, lineFeeds, stored.unreadableFrom());
        }
    }
}
