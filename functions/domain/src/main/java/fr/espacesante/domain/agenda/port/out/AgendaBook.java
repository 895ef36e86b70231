package fr.espacesante.domain.agenda.port.out;

import fr.espacesante.domain.agenda.AgendaItem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The agenda's entries by space and time, and the index of reminder e-mails by due hour. */
public interface AgendaBook {

    record Page(List<AgendaItem> items, Optional<String> cursor) {
    }

    /** A reminder e-mail due in a given hour. */
    record Due(String spaceKey, String itemId) {
    }

    record DuePage(List<Due> due, Optional<String> cursor) {
    }

    /**
     * Stores a new entry; a reminder only if its date has fewer than {@code maxRemindersPerDate}
     * (a per-date counter moved in the same transaction). @return false when the date is full
     */
    boolean add(AgendaItem item, int maxRemindersPerDate);

    Optional<AgendaItem> find(String spaceKey, String itemId);

    /** Replaces an entry (same kind and date: a reminder's date is not moved here). */
    void update(AgendaItem item);

    void delete(AgendaItem item);

    /** Entries from {@code from} (Paris day), in time order. */
    Page list(String spaceKey, LocalDate from, int limit, Optional<String> cursor);

    /** Reminder e-mails due in the UTC hour starting at {@code hour}, one index shard. */
    DuePage due(Instant hour, int shard, int limit, Optional<String> cursor);

    /** Takes the e-mail of an entry due that hour, or one a crashed run left (lease expired). @return false otherwise */
    boolean claim(Due due, Instant hour, String owner, Instant now, Instant leaseUntil);

    /** The e-mail went (or needs not): out of the index, only if still ours. */
    boolean markSent(Due due, String owner);

    Optional<Instant> remindedThrough();

    void recordRemindedThrough(Instant hour);
}
