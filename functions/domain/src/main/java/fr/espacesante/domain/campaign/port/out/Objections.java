package fr.espacesante.domain.campaign.port.out;

import java.time.Instant;
import java.util.Optional;

/** Recording objections: the person leaves every queue and index that would create their space. */
public interface Objections {

    enum Outcome {
        RECORDED,
        /** Already objected: the first reference stands. */
        ALREADY_OBJECTED,
        /** The space already exists (sweep or activation): the person can close it instead. */
        SPACE_EXISTS
    }

    record Result(Outcome outcome, String reference) {
    }

    /**
     * Atomically: the person becomes OBJECTED (from IMPORTED, or NOTIFIED with {@code waveId}), leaves the
     * notification queue and the sweep's index, and the wave's objection count moves.
     *
     * @param channel how the person proved who they are ("code" or "identite"), for the audit
     */
    Result object(String personKey, Optional<String> waveId, String reference, String channel, Instant at);
}
