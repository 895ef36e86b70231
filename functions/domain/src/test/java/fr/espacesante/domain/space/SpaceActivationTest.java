package fr.espacesante.domain.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.espacesante.domain.access.AccessPolicy;
import fr.espacesante.domain.access.SpaceAccessGuard;
import fr.espacesante.domain.nir.Nir;
import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.domain.person.ContactDetails;
import fr.espacesante.domain.person.Identity;
import fr.espacesante.domain.person.PersonStatus;
import fr.espacesante.domain.person.PostalAddress;
import fr.espacesante.domain.port.out.IdentityLinks.LinkOutcome;
import fr.espacesante.domain.support.InMemoryAccessHistory;
import fr.espacesante.domain.support.InMemorySpaceStores;
import fr.espacesante.domain.support.TestKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpaceActivationTest {

    private static final Nir NIR = Nir.parse("285013110000161");
    private static final LocalDate BORN = LocalDate.parse("1985-01-14");

    private final NirProtection protection = TestKeys.nirProtection();
    private final InMemorySpaceStores.Persons persons = new InMemorySpaceStores.Persons();
    private final InMemorySpaceStores.Links links = new InMemorySpaceStores.Links();
    private final InMemorySpaceStores.SpaceStore spaces = new InMemorySpaceStores.SpaceStore();
    private final InMemoryAccessHistory history = new InMemoryAccessHistory();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private final SpaceActivation activation = new SpaceActivation(protection, persons, links, spaces,
            new SpaceAccessGuard(new AccessPolicy(), history, clock),
            new AttemptGuard(new InMemorySpaceStores.Counters(), clock,
                    List.of(new AttemptGuard.Limit("activation-login:", 3, Duration.ofMinutes(15)),
                            new AttemptGuard.Limit("activation-client:", 100, Duration.ofHours(1)))),
            clock);
    private final String key = protection.lookupKey(NIR);

    SpaceActivationTest() {
        persons.byKey.put(key, new RegisteredPerson(key, new Identity("Lefèvre-d'Ornano", "Léa", BORN),
                new ContactDetails("31", new PostalAddress("1 rue", "31000", "Toulouse"), Optional.of("lea@example.fr")),
                PersonStatus.NOTIFIED));
    }

    @Test
    void names_compare_without_accents_case_hyphens_apostrophes_or_ligatures() {
        assertThat(BirthName.matches("lefevre d ornano", "Lefèvre-d'Ornano")).isTrue();
        assertThat(BirthName.matches("  LEFÈVRE-D’ORNANO ", "Lefèvre-d'Ornano")).isTrue();
        assertThat(BirthName.matches("Cœur", "COEUR")).isTrue();
        assertThat(BirthName.matches("Lefevre", "Lefèvre-d'Ornano")).isFalse();
        assertThat(BirthName.matches("", "")).as("an empty name proves nothing").isFalse();
    }

    @Test
    void activation_links_the_login_creates_the_space_once_and_records_it() {
        Space space = activation.activate("sub-1", "192.0.2.1", new SpaceActivation.IdentityProof(NIR, BORN, "LEFEVRE D'ORNANO"));
        Space again = activation.activate("sub-1", "192.0.2.1", new SpaceActivation.IdentityProof(NIR, BORN, "Lefèvre-d'Ornano"));

        assertThat(space.spaceKey()).isEqualTo(key);
        assertThat(space.creation()).isEqualTo(Space.Creation.ACTIVATION);
        assertThat(space.email()).contains("lea@example.fr");
        assertThat(space.activatedAt()).contains(clock.instant());
        assertThat(again).isEqualTo(space);
        assertThat(spaces.created).isEqualTo(1);
        assertThat(links.personKeyOf("sub-1")).contains(key);
        assertThat(persons.byKey.get(key).status()).isEqualTo(PersonStatus.SPACE_CREATED);
        assertThat(history.entries).hasSize(2).allSatisfy(e -> assertThat(e.ruleId()).isEqualTo("titulaire"));
    }

    @Test
    void a_person_already_linked_cannot_be_taken_by_another_login() {
        activation.activate("sub-1", "192.0.2.1", new SpaceActivation.IdentityProof(NIR, BORN, "Lefevre d Ornano"));

        assertThatThrownBy(() -> activation.activate("sub-2", "192.0.2.1",
                new SpaceActivation.IdentityProof(NIR, BORN, "Lefevre d Ornano")))
                .isInstanceOfSatisfying(AccountConflictException.class,
                        e -> assertThat(e.outcome()).isEqualTo(LinkOutcome.PERSON_LINKED_ELSEWHERE));
    }

    @Test
    void unknown_nir_and_wrong_details_fail_alike_and_lock_the_login_out() {
        Nir unknown = Nir.parse("185057800608491");
        assertThatThrownBy(() -> activation.activate("sub-3", "ip", new SpaceActivation.IdentityProof(unknown, BORN, "X")))
                .isInstanceOf(IdentityNotRecognisedException.class);
        assertThatThrownBy(() -> activation.activate("sub-3", "ip",
                new SpaceActivation.IdentityProof(NIR, BORN.plusDays(1), "Lefevre d Ornano")))
                .isInstanceOf(IdentityNotRecognisedException.class);
        assertThatThrownBy(() -> activation.activate("sub-3", "ip", new SpaceActivation.IdentityProof(NIR, BORN, "Lefevre")))
                .isInstanceOf(IdentityNotRecognisedException.class);

        // the limit (3 here) is reached: even the right proof is refused until the window ends
        assertThatThrownBy(() -> activation.activate("sub-3", "ip",
                new SpaceActivation.IdentityProof(NIR, BORN, "Lefevre d Ornano")))
                .isInstanceOfSatisfying(TooManyAttemptsException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Instant.parse("2026-11-22T10:15:00Z")));
        assertThat(spaces.byKey).isEmpty();
    }
}
