package fr.espacesante.domain.population.port.out;

import fr.espacesante.domain.population.ImportRun;
import fr.espacesante.domain.population.ImportSummary;
import fr.espacesante.domain.population.RangeResult;
import fr.espacesante.domain.population.RegistryRange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One record per import run, for operators, and the progress of a run cut into ranges. */
public interface ImportHistory {

    /** A finished run (the single-invocation path). */
    void record(ImportRun run);

    /** A run cut into ranges, in progress; false if that run was started before (a split resumed). */
    boolean started(ImportRun run);

    /** Every range of the run has been queued. */
    void queued(String importId);

    boolean isQueued(String importId);

    /**
     * Adds a done range's counts to its run, once: a range settled before (a message delivered
     * twice, a worker that crashed after counting) changes nothing.
     *
     * @return the run as this settlement left it, or empty if the range was already settled
     */
    Optional<ImportRun> settle(RegistryRange range, RangeResult result);

    /** Marks a range abandoned (its line feeds counted, so later line numbers stay right), once. */
    Optional<ImportRun> abandon(RegistryRange range, long lineFeeds);

    /** Each settled range, by index. */
    Map<Integer, SettledRange> settledRanges(String importId);

    /**
     * @param lineFeeds      the line feeds in the range
     * @param unreadableFrom the line, numbered within the range, from which it could not be read (0: all read)
     */
    record SettledRange(long lineFeeds, long unreadableFrom) {
    }

    /** Records the report and the final summary; false if another worker already did. */
    boolean finish(String importId, ImportSummary summary, String reportLocation, Instant finishedAt);

    /** Newest first. */
    List<ImportRun> latest(int limit);

    Optional<ImportRun> find(String importId);
}
