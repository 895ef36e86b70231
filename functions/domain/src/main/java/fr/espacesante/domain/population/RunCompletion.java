package fr.espacesante.domain.population;

import fr.espacesante.domain.population.port.out.ImportHistory;
import fr.espacesante.domain.population.port.out.ImportReports;
import fr.espacesante.domain.population.port.out.ImportReports.RangeLines;
import fr.espacesante.domain.population.port.out.RegistryFileRanges;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How an import run ends: a range abandoned after its deliveries all failed, and the report written
 * once every range is settled. What the splitter (a file with no range) and the dead-letter reader
 * need, without the worker's person store and registry-line validation.
 */
public final class RunCompletion {

    private final RegistryFileRanges files;
    private final ImportHistory history;
    private final ImportReports reports;
    private final Clock clock;

    public RunCompletion(RegistryFileRanges files, ImportHistory history, ImportReports reports, Clock clock) {
        this.files = files;
        this.history = history;
        this.reports = reports;
        this.clock = clock;
    }

    /** A range whose every delivery failed: its lines are counted, and the run ends without them. */
    public ImportRun abandonRange(RegistryRange range) {
        ImportRun run = run(range);
        if (!run.progress().isSettled(range.index())) {
            long lineFeeds;
            try (RegistryFileRanges.RangeRows rows = files.open(range)) {
                lineFeeds = rows.lineFeeds();
            } catch (UnreadableFileException gone) {
                // The file was replaced or deleted since the split (often why every delivery failed): its lines
                // cannot be counted, and retrying would not change that.
                lineFeeds = 0;
            }
            run = history.abandon(range, lineFeeds).orElseGet(() -> run(range));
        }
        return finishIfLast(run);
    }

    /** @throws UnknownImportRunException the range names no run */
    ImportRun run(RegistryRange range) {
        return history.find(range.importId())
                .orElseThrow(() -> new UnknownImportRunException(range.importId()));
    }

    /**
     * Writes the report when every range is settled. The worker that settles the last range does it;
     * one that finds the run settled without a report (that worker crashed) does it on redelivery.
     */
    public ImportRun finishIfLast(ImportRun run) {
        if (!run.progress().allSettled() || run.finished()) {
            return run;
        }
        Map<Integer, ImportHistory.SettledRange> settled = history.settledRanges(run.importId());
        List<RangeLines> ranges = rangeLines(run, settled);
        ImportSummary summary = withErrors(run, unreadable(ranges, settled));
        String location = reports.merge(run, summary, ranges);
        history.finish(run.importId(), summary, location, clock.instant());
        return history.find(run.importId()).orElse(run);
    }

    /** The run's summary with what was not read: lines of ranges that broke off, and abandoned ranges. */
    private static ImportSummary withErrors(ImportRun run, List<String> unreadable) {
        ImportSummary s = run.summary();
        List<String> errors = new ArrayList<>();
        s.fileError().ifPresent(errors::add);
        errors.addAll(unreadable);
        int abandoned = run.progress().abandoned().size();
        if (abandoned > 0) {
            errors.add(abandoned + (abandoned == 1 ? " plage de lignes n’a pas pu être importée"
                    : " plages de lignes n’ont pas pu être importées") + " après plusieurs tentatives (voir « plagesAbandonnees »)");
        }
        return errors.isEmpty() ? s : s.withFileError(Optional.of(String.join(" ; ", errors)));
    }

    private static List<String> unreadable(List<RangeLines> ranges, Map<Integer, ImportHistory.SettledRange> settled) {
        List<String> errors = new ArrayList<>();
        for (RangeLines range : ranges) {
            long from = settled.getOrDefault(range.index(), new ImportHistory.SettledRange(0, 0)).unreadableFrom();
            if (from > 0) {
                long first = from + range.lineOffset();
                long last = Math.max(first, range.lineOffset() + range.lineFeeds() + 1);
                errors.add("fichier illisible à partir de la ligne " + first + " (guillemets mal fermés ?) : lignes "
                        + first + " à " + last + " non lues");
            }
        }
        return errors;
    }

    private static List<RangeLines> rangeLines(ImportRun run, Map<Integer, ImportHistory.SettledRange> settled) {
        List<RangeLines> ranges = new ArrayList<>(run.progress().total());
        long offset = 0;
        for (int index = 0; index < run.progress().total(); index++) {
            long feeds = settled.containsKey(index) ? settled.get(index).lineFeeds() : 0L;
            ranges.add(new RangeLines(index, offset, feeds, run.progress().abandoned().contains(index)));
            offset += feeds;
        }
        return ranges;
    }
}
