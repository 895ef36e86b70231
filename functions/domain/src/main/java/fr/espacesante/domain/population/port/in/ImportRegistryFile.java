package fr.espacesante.domain.population.port.in;

import fr.espacesante.domain.population.ImportRun;
import fr.espacesante.domain.population.RegistryFile;

/** Imports one registry file dropped by the health-insurance registry. */
public interface ImportRegistryFile {
    ImportRun importFile(RegistryFile file);
}
