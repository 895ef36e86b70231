package fr.espacesante.domain.agenda.port.out;

import fr.espacesante.domain.agenda.PreventionCalendar;
import java.util.Map;
import java.util.Optional;

/** The statuses a patient set on their prevention calendar (the calendar itself is computed, never stored). */
public interface PreventionMarks {

    /** By occurrence code. */
    Map<String, PreventionCalendar.Mark> preventionMarks(String spaceKey);

    /** Sets (or, empty, clears) an occurrence's status. */
    void markPrevention(String spaceKey, String code, Optional<PreventionCalendar.Mark> mark);
}
