package fr.espacesante.domain.population.port.out;

import fr.espacesante.domain.population.RegistryRange;
import java.util.List;

/** The queue of ranges waiting for a worker. */
public interface ImportRanges {

    void send(List<RegistryRange> ranges);
}
