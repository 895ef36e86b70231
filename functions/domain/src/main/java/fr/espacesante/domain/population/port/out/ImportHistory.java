package fr.espacesante.domain.population.port.out;

import fr.espacesante.domain.population.ImportRun;
import java.util.List;

/** One record per import run, for operators. */
public interface ImportHistory {

    void record(ImportRun run);

    /** Newest first. */
    List<ImportRun> latest(int limit);

    java.util.Optional<ImportRun> find(String importId);
}
