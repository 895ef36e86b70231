package fr.espacesante.domain.population;

import java.util.Map;

/**
 * One data line of a registry file, fields by column name, as read (not yet trusted).
 *
 * @param line 1-based line number in the file (the header is line 1)
 */
public record RegistryRow(long line, Map<String, String> fields, int fieldCount) {

    public String field(String column) {
        String value = fields.get(column);
        return value == null ? "" : value.strip();
    }
}
