package fr.espacesante.domain.population;

/** A registry file dropped for import: its container (bucket) and name (key). */
public record RegistryFile(String container, String name) {
}
