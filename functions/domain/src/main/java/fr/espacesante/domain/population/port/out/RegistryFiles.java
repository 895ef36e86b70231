package fr.espacesante.domain.population.port.out;

import fr.espacesante.domain.population.RegistryFile;
import fr.espacesante.domain.population.RegistryRow;
import java.util.Iterator;

/** Reads a registry file as a stream of lines, never whole in memory. */
public interface RegistryFiles {

    Rows open(RegistryFile file);

    /**
     * The data lines in file order. {@code next()} throws
     * {@link fr.espacesante.domain.population.UnreadableFileException} when the file cannot be read further.
     */
    interface Rows extends Iterator<RegistryRow>, AutoCloseable {
        @Override
        void close();
    }
}
