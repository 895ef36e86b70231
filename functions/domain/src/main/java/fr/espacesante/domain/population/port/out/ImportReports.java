package fr.espacesante.domain.population.port.out;

import fr.espacesante.domain.population.ImportSummary;
import fr.espacesante.domain.population.RegistryFile;

/** The report written next to an imported file: every rejected line with its reason, and the counts. */
public interface ImportReports {

    Writer start(RegistryFile file, String importId);

    /** Thread-safe: rejections arrive from several store workers. */
    interface Writer extends AutoCloseable {
        void rejected(long line, String reason);

        /** Publishes the report; returns where it was written. */
        String finish(ImportSummary summary);

        @Override
        void close();
    }
}
