package fr.espacesante.domain.access.port.out;

import fr.espacesante.domain.access.AccessEntry;
import java.util.List;
import java.util.Optional;

/** The append-only access history of every space. */
public interface AccessHistory {

    /** Appends one entry; an entry is never updated nor deleted. */
    void append(AccessEntry entry);

    /**
     * Appends one entry only if the space is still at {@code spaceVersion}, in one atomic write: a
     * decision taken on that version is recorded, and so holds, only while nothing has changed it.
     *
     * @return false, with nothing written, when the space has changed (or is gone)
     */
    boolean appendIfSpaceAt(AccessEntry entry, long spaceVersion);

    /** A space's entries newest first, optionally only one professional's or one rule's. */
    Page list(String spaceKey, Filter filter, int limit, Optional<String> cursor);

    record Filter(Optional<String> professionalRpps, Optional<String> ruleId) {
        public static Filter none() {
            return new Filter(Optional.empty(), Optional.empty());
        }
    }

    /** @param next the cursor of the following page, empty on the last one */
    record Page(List<AccessEntry> entries, Optional<String> next) {
    }
}
