package fr.espacesante.aws.space;

import fr.espacesante.domain.space.port.out.IdentityLinks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Login → person links remembered for a minute by a function instance, to save a round trip on the
 * hot paths (listing conversations, sending a message). Safe because a link never changes to another
 * person: it is written once and only ever erased with the person's space, after which the remembered
 * key names a space that no longer exists (404) until it expires. Only found links are remembered.
 */
public final class RememberedIdentityLinks implements IdentityLinks {

    private static final int KEPT = 10_000;
    private static final Duration FOR = Duration.ofMinutes(1);

    private record Remembered(String personKey, Instant until) {
    }

    private final IdentityLinks links;
    private final Clock clock;
    private final Map<String, Remembered> remembered = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
            return size() > KEPT;
        }
    };

    public RememberedIdentityLinks(IdentityLinks links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    @Override
    public Optional<String> personKeyOf(String subject) {
        Instant now = clock.instant();
        synchronized (remembered) {
            Remembered known = remembered.get(subject);
            if (known != null && known.until().isAfter(now)) {
                return Optional.of(known.personKey());
            }
        }
        Optional<String> found = links.personKeyOf(subject);
        found.ifPresent(key -> {
            synchronized (remembered) {
                remembered.put(subject, new Remembered(key, now.plus(FOR)));
            }
        });
        return found;
    }

    @Override
    public LinkOutcome link(String subject, String personKey, Instant at) {
        return links.link(subject, personKey, at);
    }
}
