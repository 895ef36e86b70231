package fr.espacesante.domain.support;

import fr.espacesante.domain.access.AccessEntry;
import fr.espacesante.domain.port.out.AccessHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The access history port over a list (newest last). */
public final class InMemoryAccessHistory implements AccessHistory {
    public final List<AccessEntry> entries = new ArrayList<>();

    @Override
    public void append(AccessEntry entry) {
        entries.add(entry);
    }

    @Override
    public Page list(String spaceKey, Filter filter, int limit, Optional<String> cursor) {
        return new Page(entries.reversed().stream().filter(e -> e.spaceKey().equals(spaceKey)).limit(limit).toList(),
                Optional.empty());
    }
}
