package fr.espacesante.domain.family.port.out;

import fr.espacesante.domain.access.AccessEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The handover's index and exactly-once ledger: minors attached to a parent, by 18th birthday
 * (sparse: a guardianship leaves it once handed over), and one entry per young adult moved by
 * conditional writes, as the campaign's notification ledger does, so that two runs never both own it.
 */
public interface Handovers {

    record Due(String childKey, String parentKey, String reference) {
    }

    record Page(List<Due> due, Optional<String> cursor) {
    }

    enum State { CLAIMED, SENDING, SENT }

    enum Channel { EMAIL, LETTER }

    /**
     * The exactly-once record of telling one young adult. It holds the activation code's keyed hash and
     * how long the code is valid, never the code.
     */
    record Entry(String childKey, String codeHash, LocalDate codeValidUntil, Channel channel, State state, String owner,
                 Instant leaseUntil) {
    }

    /** Guardianships whose child turns 18 on {@code birthday}, in one index shard, page by page. */
    Page due(LocalDate birthday, int shard, int limit, Optional<String> cursor);

    /**
     * Creates the entry, or takes over one a crashed run left (lease expired, not sent).
     *
     * @return empty when another live run owns it, or it was sent
     */
    Optional<Entry> claim(Entry fresh, Instant now);

    /** CLAIMED → SENDING, if still ours (the e-mail's residual window starts here, as for waves). */
    boolean markSending(Entry entry);

    /**
     * → SENT with the delivery id; the guardianship leaves the index, the parent leaves the space's legal
     * representatives, and the handover is appended to the space's access history: one transaction,
     * only if the entry is still ours.
     */
    boolean markSent(Entry entry, Due due, String deliveryId, AccessEntry handover);

    Optional<LocalDate> handedOverThrough();

    void recordHandedOverThrough(LocalDate day);
}
