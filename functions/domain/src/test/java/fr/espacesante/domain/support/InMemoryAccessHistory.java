package fr.espacesante.domain.support;

import fr.espacesante.domain.access.AccessEntry;
import fr.espacesante.domain.access.port.out.AccessHistory;
import fr.espacesante.domain.space.port.out.Spaces;
import fr.espacesante.domain.space.Space;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The access history port over a list (newest last). */
public final class InMemoryAccessHistory implements AccessHistory {
    public final List<AccessEntry> entries = new ArrayList<>();
    /** When set, {@link #appendIfSpaceAt} checks the space's version as the DynamoDB transaction does. */
    public Spaces spaces;

    @Override
    public void append(AccessEntry entry) {
        entries.add(entry);
    }

    @Override
    public boolean appendIfSpaceAt(AccessEntry entry, long spaceVersion) {
        if (spaces != null && spaces.find(entry.spaceKey()).map(Space::version).orElse(-1L) != spaceVersion) {
            return false;
        }
        entries.add(entry);
        return true;
    }

    @Override
    public Page list(String spaceKey, Filter filter, int limit, Optional<String> cursor) {
        return new Page(entries.reversed().stream().filter(e -> e.spaceKey().equals(spaceKey)).limit(limit).toList(),
                Optional.empty());
    }
}
