package fr.espacesante.domain.population.port.out;

import fr.espacesante.domain.population.ImportRun;
import fr.espacesante.domain.population.ImportSummary;
import fr.espacesante.domain.population.RegistryFile;
import fr.espacesante.domain.population.RegistryRange;
import java.util.List;

/** The report written next to an imported file: every rejected line with its reason, and the counts. */
public interface ImportReports {

    Writer start(RegistryFile file, String importId);

    /** The rejections of one range, numbered within the range, kept until the run's report is merged. */
    Writer startRange(RegistryRange range);

    /**
     * Writes the run's report from its ranges' rejections, in file order, each line number shifted
     * by its range's offset; abandoned ranges are listed with the lines they hold. Once only: the
     * report already written for this run (by a worker that died before the run recorded it) is kept.
     *
     * @return where the report was written
     */
    String merge(ImportRun run, ImportSummary summary, List<RangeLines> ranges);

    /**
     * @param lineOffset how many lines of the file come before the range, header included, minus one
     *                   (a line numbered n within the range is line n + lineOffset of the file)
     */
    record RangeLines(int index, long lineOffset, long lineFeeds, boolean abandoned) {
    }

    /** Thread-safe: rejections arrive from several store workers. */
    interface Writer extends AutoCloseable {
        void rejected(long line, String reason);

        /** Publishes the report (or the range's part); returns where it was written. */
        String finish(ImportSummary summary);

        @Override
        void close();
    }
}
