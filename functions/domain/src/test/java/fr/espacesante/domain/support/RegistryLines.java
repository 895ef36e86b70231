package fr.espacesante.domain.support;

import fr.espacesante.domain.population.RegistryColumns;
import fr.espacesante.domain.population.RegistryRow;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test registry lines: semicolon-separated values in the registry's column order, without quoting. */
public final class RegistryLines {

    private RegistryLines() {
    }

    public static RegistryRow row(long line, String text) {
        String[] values = text.split(";", -1);
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < values.length && i < RegistryColumns.ALL.size(); i++) {
            fields.put(RegistryColumns.ALL.get(i), values[i]);
        }
        return new RegistryRow(line, fields, values.length);
    }
}
