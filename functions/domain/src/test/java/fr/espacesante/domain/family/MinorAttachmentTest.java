package fr.espacesante.domain.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.espacesante.domain.access.AccessPolicy;
import fr.espacesante.domain.access.SpaceAccessGuard;
import fr.espacesante.domain.family.Guardianship.ParentalAgreement;
import fr.espacesante.domain.family.MinorAttachment.Agreement;
import fr.espacesante.domain.nir.Nir;
import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.domain.person.ContactDetails;
import fr.espacesante.domain.person.Identity;
import fr.espacesante.domain.person.PersonStatus;
import fr.espacesante.domain.person.PostalAddress;
import fr.espacesante.domain.space.AttemptGuard;
import fr.espacesante.domain.space.IdentityNotRecognisedException;
import fr.espacesante.domain.space.NotActivatedException;
import fr.espacesante.domain.space.RegisteredPerson;
import fr.espacesante.domain.space.SpaceActivation.IdentityProof;
import fr.espacesante.domain.support.InMemoryAccessHistory;
import fr.espacesante.domain.support.InMemoryCaregivers;
import fr.espacesante.domain.support.InMemorySpaceStores;
import fr.espacesante.domain.support.TestKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MinorAttachmentTest {

    private static final LocalDate CHILD_BORN = LocalDate.parse("2017-03-09");
    private static final Nir CHILD = nir("1170331555123");
    private static final Nir TEENAGER_OF_AGE = nir("2080631555124");
    private static final Agreement OTHER_PARENT = new Agreement(ParentalAgreement.OTHER_PARENT_AGREED, Optional.of("Paul Martin"));

    private final NirProtection protection = TestKeys.nirProtection();
    private final InMemorySpaceStores.Persons persons = new InMemorySpaceStores.Persons();
    private final InMemorySpaceStores.Links links = new InMemorySpaceStores.Links();
    private final InMemorySpaceStores.SpaceStore spaces = new InMemorySpaceStores.SpaceStore();
    private final InMemorySpaceStores.Families families = new InMemorySpaceStores.Families(spaces);
    private final InMemoryAccessHistory history = new InMemoryAccessHistory();
    private Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private final InMemorySpaceStores.Counters counters = new InMemorySpaceStores.Counters();
    private final String childKey = protection.lookupKey(CHILD);

    MinorAttachmentTest() {
        person(childKey, "Martin", "Lina", CHILD_BORN);
        person(protection.lookupKey(TEENAGER_OF_AGE), "Martin", "Hugo", LocalDate.parse("2008-06-02"));
        links.link("maman", "cle-maman", Instant.EPOCH);
        links.link("papa", "cle-papa", Instant.EPOCH);
    }

    @Test
    void a_parent_attaches_a_child_once_and_acts_for_it_as_legal_representative() {
        Guardianship attached = attachment().attach("maman", "192.0.2.1", new IdentityProof(CHILD, CHILD_BORN, "MARTIN"), OTHER_PARENT);
        Guardianship again = attachment().attach("maman", "192.0.2.1", new IdentityProof(CHILD, CHILD_BORN, "Martin"), OTHER_PARENT);

        assertThat(attached.childKey()).isEqualTo(childKey);
        assertThat(attached.reference()).hasSize(20).doesNotContain(childKey).isEqualTo(again.reference());
        assertThat(attached.otherParentName()).contains("Paul Martin");
        assertThat(spaces.created).as("the child's space is created at once").isEqualTo(1);
        assertThat(spaces.find(childKey).orElseThrow().access().legalRepresentatives()).isEqualTo(Set.of("cle-maman"));
        assertThat(persons.byKey.get(childKey).status()).isEqualTo(PersonStatus.SPACE_CREATED);
        assertThat(attachment().children("maman")).extracting(Guardianship::childFirstNames).containsExactly("Lina");
        var acting = new Representation(links, families, new InMemoryCaregivers(), clock).actingIn("maman", Optional.of(attached.reference()));
        assertThat(acting.actor()).isEqualTo(new fr.espacesante.domain.access.Actor.LegalRepresentative("cle-maman"));
        assertThat(acting.spaceKey()).isEqualTo(childKey);
        assertThat(new Representation(links, families, new InMemoryCaregivers(), clock).actingIn("maman", Optional.empty()).spaceKey()).isEqualTo("cle-maman");
        assertThat(history.entries).hasSize(2).allSatisfy(e -> {
            assertThat(e.ruleId()).isEqualTo("representant-legal");
            assertThat(e.resourceId()).isEqualTo("rattachement");
        });
    }

    @Test
    void one_parent_only_and_never_without_the_other_parents_agreement() {
        attachment().attach("maman", "192.0.2.1", new IdentityProof(CHILD, CHILD_BORN, "Martin"), OTHER_PARENT);

        assertThatThrownBy(() -> attachment().attach("papa", "192.0.2.2", new IdentityProof(CHILD, CHILD_BORN, "Martin"),
                new Agreement(ParentalAgreement.SOLE_PARENTAL_AUTHORITY, Optional.empty())))
                .isInstanceOfSatisfying(GuardianshipException.class,
                        e -> assertThat(e.reason()).isEqualTo(GuardianshipException.Reason.ATTACHED_TO_ANOTHER_PARENT));
        assertThat(spaces.find(childKey).orElseThrow().access().legalRepresentatives()).isEqualTo(Set.of("cle-maman"));
        assertThatThrownBy(() -> new Agreement(ParentalAgreement.OTHER_PARENT_AGREED, Optional.of("  ")))
                .isInstanceOfSatisfying(GuardianshipException.class,
                        e -> assertThat(e.reason()).isEqualTo(GuardianshipException.Reason.AGREEMENT_MISSING));
        assertThat(new Agreement(ParentalAgreement.SOLE_PARENTAL_AUTHORITY, Optional.of("ignoré")).otherParentName()).isEmpty();
    }

    @Test
    void adults_unknown_children_wrong_details_and_inactive_parents_are_refused() {
        assertThatThrownBy(() -> attachment().attach("maman", "192.0.2.1",
                new IdentityProof(TEENAGER_OF_AGE, LocalDate.parse("2008-06-02"), "Martin"), OTHER_PARENT))
                .isInstanceOfSatisfying(GuardianshipException.class,
                        e -> assertThat(e.reason()).isEqualTo(GuardianshipException.Reason.NOT_A_MINOR));
        assertThatThrownBy(() -> attachment().attach("inconnu", "192.0.2.1", new IdentityProof(CHILD, CHILD_BORN, "Martin"),
                OTHER_PARENT)).isInstanceOf(NotActivatedException.class);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> attachment().attach("papa", "192.0.2.2",
                    new IdentityProof(CHILD, CHILD_BORN.plusDays(1), "Martin"), OTHER_PARENT))
                    .isInstanceOf(IdentityNotRecognisedException.class);
        }
        assertThatThrownBy(() -> attachment().attach("papa", "192.0.2.2", new IdentityProof(CHILD, CHILD_BORN, "Martin"),
                OTHER_PARENT)).as("the activation limits apply").isInstanceOf(fr.espacesante.domain.space.TooManyAttemptsException.class);
        assertThat(spaces.created).isZero();
        assertThatThrownBy(() -> new Representation(links, families, new InMemoryCaregivers(), clock).actingIn("maman", Optional.of("0123456789abcdef0123")))
                .isInstanceOfSatisfying(GuardianshipException.class,
                        e -> assertThat(e.reason()).isEqualTo(GuardianshipException.Reason.UNKNOWN_CHILD));
    }

    @Test
    void the_parent_no_longer_acts_once_the_child_is_18() {
        String reference = attachment().attach("maman", "192.0.2.1", new IdentityProof(CHILD, CHILD_BORN, "Martin"), OTHER_PARENT)
                .reference();
        clock = Clock.fixed(Instant.parse("2035-03-08T12:00:00Z"), ZoneOffset.UTC);
        assertThat(new Representation(links, families, new InMemoryCaregivers(), clock).actingIn("maman", Optional.of(reference)).spaceKey()).isEqualTo(childKey);
        clock = Clock.fixed(Instant.parse("2035-03-08T23:30:00Z"), ZoneOffset.UTC);
        assertThatThrownBy(() -> new Representation(links, families, new InMemoryCaregivers(), clock).actingIn("maman", Optional.of(reference)))
                .as("18th birthday in Paris time").isInstanceOfSatisfying(GuardianshipException.class,
                        e -> assertThat(e.reason()).isEqualTo(GuardianshipException.Reason.CHILD_OF_AGE));
    }

    private MinorAttachment attachment() {
        return new MinorAttachment(protection, persons, links, spaces, families,
                new SpaceAccessGuard(new AccessPolicy(), history, clock),
                new AttemptGuard(counters, clock, List.of(new AttemptGuard.Limit("activation-login:", 3, Duration.ofMinutes(15)),
                        new AttemptGuard.Limit("activation-client:", 100, Duration.ofHours(1)))),
                clock);
    }

    private void person(String key, String lastName, String firstNames, LocalDate born) {
        persons.byKey.put(key, new RegisteredPerson(key, new Identity(lastName, firstNames, born),
                new ContactDetails("31", new PostalAddress("1 rue", "31000", "Toulouse"), Optional.empty()),
                PersonStatus.IMPORTED, Optional.empty()));
    }

    /** A NIR with its control key computed. */
    private static Nir nir(String body13) {
        return Nir.parse(body13 + String.format("%02d", 97 - Long.parseLong(body13) % 97));
    }
}
