package fr.espacesante.domain.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.espacesante.domain.access.AccessPolicy;
import fr.espacesante.domain.access.SpaceAccessGuard;
import fr.espacesante.domain.campaign.Notification;
import fr.espacesante.domain.campaign.OneTimeCode;
import fr.espacesante.domain.nir.Nir;
import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.domain.person.ContactDetails;
import fr.espacesante.domain.person.Identity;
import fr.espacesante.domain.person.PersonStatus;
import fr.espacesante.domain.person.PostalAddress;
import fr.espacesante.domain.space.port.out.IdentityLinks.LinkOutcome;
import fr.espacesante.domain.support.InMemoryAccessHistory;
import fr.espacesante.domain.support.InMemoryLedger;
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
    private final OneTimeCode codes = new OneTimeCode(TestKeys.base64Of(32, 3));
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final SpaceActivation activation = new SpaceActivation(protection, codes, ledger, persons, links, spaces,
            new SpaceAccessGuard(new AccessPolicy(), history, clock),
            new AttemptGuard(new InMemorySpaceStores.Counters(), clock,
                    List.of(new AttemptGuard.Limit("activation-login:", 3, Duration.ofMinutes(15)),
                            new AttemptGuard.Limit("activation-client:", 100, Duration.ofHours(1)))),
            clock);
    private final String key = protection.lookupKey(NIR);

    SpaceActivationTest() {
        persons.byKey.put(key, new RegisteredPerson(key, new Identity("Lefèvre-d'Ornano", "Léa", BORN),
                new ContactDetails("31", new PostalAddress("1 rue", "31000", "Toulouse"), Optional.of("lea@example.fr")),
                PersonStatus.NOTIFIED, Optional.of("vague-1")));
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

    @Test
    void the_code_of_a_sent_notification_activates_until_its_deadline_only() {
        String code = codes.codeFor(key, "vague-1");
        ledger.put(new Notification(key, "vague-1", codes.lookupHash(code), LocalDate.parse("2026-11-30"),
                Notification.Channel.EMAIL, Notification.State.SENT, "run", clock.instant(), "run",
                Optional.of("message-1"), Optional.empty()));

        // typed in lower case with a space instead of the hyphen
        Space space = activation.activateWithCode("sub-4", "ip", code.toLowerCase().replace('-', ' '));

        assertThat(space.spaceKey()).isEqualTo(key);
        assertThat(links.personKeyOf("sub-4")).contains(key);
        assertThatThrownBy(() -> activation.activateWithCode("sub-5", "ip", "AAAAA-AAAAA"))
                .isInstanceOf(IdentityNotRecognisedException.class);
    }

    @Test
    void an_already_activated_login_guessing_codes_is_limited_like_a_new_one() {
        // GIVEN a login already linked to its person
        activation.activate("sub-6", "ip", new SpaceActivation.IdentityProof(NIR, BORN, "Lefèvre-d'Ornano"));

        // WHEN it guesses codes: the limit (3 per login here) applies to it as well
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> activation.activateWithCode("sub-6", "ip", "BBBBB-BBBBB"))
                    .isInstanceOf(IdentityNotRecognisedException.class);
        }

        // THEN the next guess is refused before any look-up
        assertThatThrownBy(() -> activation.activateWithCode("sub-6", "ip", "CCCCC-CCCCC"))
                .isInstanceOf(TooManyAttemptsException.class);
    }

    @Test
    void codes_are_typeable_stable_and_distinct() {
        String code = codes.codeFor(key, "vague-1");
        assertThat(code).matches("[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}");
        assertThat(codes.codeFor(key, "vague-1")).as("derived: the same on every retry").isEqualTo(code);
        assertThat(codes.codeFor(key, "vague-2")).isNotEqualTo(code);
        assertThat(codes.lookupHash(code.toLowerCase())).isEqualTo(codes.lookupHash(code)).doesNotContain(code);
        // 10 characters of 31: log2(31^10) ≈ 49.5 bits
        assertThat(OneTimeCode.LENGTH * Math.log(31) / Math.log(2)).isGreaterThan(40);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(codes.codeFor("personne-" + i, "vague-1"));
        }
        assertThat(seen).hasSize(100_000);
    }
}
