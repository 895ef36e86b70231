package fr.espacesante.domain.profile;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a section (a disease, an allergy, a vaccination...), its fields by name as checked
 * text (dates as AAAA-MM-JJ).
 *
 * @param enteredBy who typed it, as the history names them (« Patient », « Parent », « Hugo Aidant (aidant) »)
 */
public record ProfileEntry(String entryId, Map<String, String> values, Instant enteredAt, String enteredBy) {

    public ProfileEntry {
        values = Map.copyOf(values);
    }
}
