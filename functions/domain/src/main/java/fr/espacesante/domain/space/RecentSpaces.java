package fr.espacesante.domain.space;

import fr.espacesante.domain.space.port.out.Spaces;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The spaces this function instance saw last, so that a request can decide without reading the
 * space first. A snapshot may be stale: decisions taken on it are recorded only on the condition
 * that the space is still at the snapshot's version ({@code AccessHistory.appendIfSpaceAt}); when
 * it is not, the caller reads the space again and decides again. Freshness therefore never decides
 * access; this only saves a round trip when nothing changed.
 */
public final class RecentSpaces {

    private static final int KEPT = 10_000;

    private final Spaces spaces;
    private final Map<String, Space> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Space> eldest) {
            return size() > KEPT;
        }
    };

    public RecentSpaces(Spaces spaces) {
        this.spaces = spaces;
    }

    /** The last snapshot seen, else the space as stored now. */
    public Space lastSeen(String spaceKey) {
        Space seen;
        synchronized (recent) {
            seen = recent.get(spaceKey);
        }
        return seen != null ? seen : current(spaceKey);
    }

    /** The space as stored now (strongly consistent read), remembered for the next request. */
    public Space current(String spaceKey) {
        Optional<Space> space = spaces.find(spaceKey);
        synchronized (recent) {
            space.ifPresentOrElse(s -> recent.put(spaceKey, s), () -> recent.remove(spaceKey));
        }
        return space.orElseThrow(SpaceNotFoundException::new);
    }
}
