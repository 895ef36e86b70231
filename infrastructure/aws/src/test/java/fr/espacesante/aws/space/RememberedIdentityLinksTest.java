package fr.espacesante.aws.space;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.domain.space.port.out.IdentityLinks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RememberedIdentityLinksTest {

    private final Map<String, String> stored = new HashMap<>();
    private int reads;
    private Instant now = Instant.parse("2026-11-29T10:00:00Z");

    private final IdentityLinks links = new IdentityLinks() {
        @Override
        public Optional<String> personKeyOf(String subject) {
            reads++;
            return Optional.ofNullable(stored.get(subject));
        }

        @Override
        public LinkOutcome link(String subject, String personKey, Instant at) {
            stored.put(subject, personKey);
            return LinkOutcome.LINKED;
        }
    };

    private final RememberedIdentityLinks remembered = new RememberedIdentityLinks(links, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void a_found_link_is_remembered_for_a_minute_then_read_again() {
        stored.put("sub", "person");
        assertThat(remembered.personKeyOf("sub")).contains("person");
        assertThat(remembered.personKeyOf("sub")).contains("person");
        assertThat(reads).isEqualTo(1);
        // Erased with the person's space: after the minute, the login is a stranger again
        stored.clear();
        now = now.plus(Duration.ofSeconds(61));
        assertThat(remembered.personKeyOf("sub")).isEmpty();
        assertThat(reads).isEqualTo(2);
    }

    @Test
    void an_unknown_login_is_never_remembered_so_a_new_activation_counts_at_once() {
        assertThat(remembered.personKeyOf("new")).isEmpty();
        remembered.link("new", "person", now);
        assertThat(remembered.personKeyOf("new")).contains("person");
        assertThat(reads).isEqualTo(2);
    }
}
