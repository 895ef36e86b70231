package fr.espacesante.domain.campaign.port.out;

import fr.espacesante.domain.space.Space;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The sweep's index: notified persons by objection deadline (sparse: a person leaves it when they
 * object, activate, or get their space), and the sweep's checkpoint.
 */
public interface DueSpaces {

    record DuePerson(String personKey, String waveId, Optional<String> email) {
    }

    record Page(List<DuePerson> persons, Optional<String> cursor) {
    }

    /** Persons whose deadline is {@code deadline}, in one index shard, page by page. */
    Page due(LocalDate deadline, int shard, int limit, Optional<String> cursor);

    /**
     * Creates the space, marks the person SPACE_CREATED out of the index and counts it for the
     * wave, atomically, if the person is still due on that deadline. @return false when not (anymore)
     */
    boolean createSpace(DuePerson person, LocalDate deadline, Space space);

    /** The last deadline day fully swept. */
    Optional<LocalDate> sweptThrough();

    void recordSweptThrough(LocalDate day);

    /** The read capacity the last calls consumed, for the sweep benchmark (0 where not reported). */
    default double consumedReadUnits() {
        return 0;
    }
}
