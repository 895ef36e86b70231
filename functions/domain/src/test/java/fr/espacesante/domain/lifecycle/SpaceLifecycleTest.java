package fr.espacesante.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.espacesante.domain.access.AccessPolicy;
import fr.espacesante.domain.access.AccessRefusedException;
import fr.espacesante.domain.access.AccessRequest;
import fr.espacesante.domain.access.Actor;
import fr.espacesante.domain.access.Resource;
import fr.espacesante.domain.access.SpaceAccessGuard;
import fr.espacesante.domain.lifecycle.port.out.PostalMail;
import fr.espacesante.domain.lifecycle.port.out.PurgeSchedule;
import fr.espacesante.domain.lifecycle.port.out.SpaceErasure;
import fr.espacesante.domain.mail.port.out.Mailer;
import fr.espacesante.domain.person.ContactDetails;
import fr.espacesante.domain.person.Identity;
import fr.espacesante.domain.person.PersonStatus;
import fr.espacesante.domain.person.PostalAddress;
import fr.espacesante.domain.space.RegisteredPerson;
import fr.espacesante.domain.space.Space;
import fr.espacesante.domain.space.SpaceStatus;
import fr.espacesante.domain.support.InMemoryAccessHistory;
import fr.espacesante.domain.support.InMemorySpaceStores;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SpaceLifecycleTest {

    private static final String OWNER = "cle-titulaire";
    private static final String NO_EMAIL = "cle-sans-courriel";
    private static final String PARENT = "cle-parent";

    private final InMemorySpaceStores.SpaceStore spaces = new InMemorySpaceStores.SpaceStore();
    private final InMemorySpaceStores.Persons persons = new InMemorySpaceStores.Persons();
    private final InMemoryAccessHistory history = new InMemoryAccessHistory();
    private final Schedule schedule = new Schedule();
    private final List<Mailer.Mail> mails = new ArrayList<>();
    private final List<PostalMail.Letter> letters = new ArrayList<>();
    private final List<String> erased = new ArrayList<>();
    private Clock clock = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);

    SpaceLifecycleTest() {
        spaces.createIfAbsent(Space.created(OWNER, Instant.parse("2026-01-10T08:00:00Z"), Space.Creation.SWEEP,
                Optional.of("lea@example.fr")));
        spaces.createIfAbsent(Space.created(NO_EMAIL, Instant.parse("2026-01-10T08:00:00Z"), Space.Creation.SWEEP,
                Optional.empty()));
        persons.byKey.put(NO_EMAIL, new RegisteredPerson(NO_EMAIL, new Identity("Durand", "Paul", LocalDate.parse("1950-01-01")),
                new ContactDetails("31", new PostalAddress("3 rue des Lilas", "31000", "Toulouse"), Optional.empty()),
                PersonStatus.SPACE_CREATED, Optional.empty()));
    }

    private SpaceLifecycle lifecycle() {
        return new SpaceLifecycle(spaces, persons, schedule, new SpaceAccessGuard(new AccessPolicy(), history, clock),
                mail -> {
                    mails.add(mail);
                    return "id";
                }, letters::add, new LifecycleNotices("https://espace.example"), clock, 10);
    }

    private RetentionPurge purge() {
        return new RetentionPurge(schedule, erased::add, clock);
    }

    @Test
    void a_closed_space_is_closed_to_professionals_kept_ten_years_and_reopens_with_everything() {
        spaces.setTreatingDoctor(OWNER, Optional.of("10000000001"), Optional.of("Dr A — médecin"));
        Space closed = lifecycle().close(new Actor.Patient(OWNER), OWNER);

        assertThat(closed.status()).isEqualTo(SpaceStatus.CLOSED);
        assertThat(closed.closure().orElseThrow().purgeOn()).isEqualTo(LocalDate.parse("2036-11-29"));
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo("lea@example.fr");
            assertThat(m.text()).contains("fermé le 29 novembre 2026").contains("conservées jusqu'au 29 novembre 2036");
        });
        // The treating doctor is refused, under the closed-space rule, and the refusal is recorded.
        var doctor = new Actor.Professional("10000000001", "Dr A", "medecin", false);
        var refused = new AccessPolicy().decide(new AccessRequest(doctor, closed.access(),
                Resource.document(null, false, false, false), AccessRequest.Action.READ, Optional.empty()));
        assertThat(refused.rule().id()).isEqualTo("espace-ferme");
        assertThatThrownBy(() -> lifecycle().close(new Actor.Patient(OWNER), OWNER))
                .isInstanceOf(LifecycleException.class).hasMessageContaining("déjà fermé");

        // Nothing is purged before its day, even when the purge runs every day for years.
        clock = Clock.offset(clock, java.time.Duration.ofDays(365 * 3));
        assertThat(purge().purge().spacesPurged()).isZero();

        Space reopened = lifecycle().reopen(new Actor.Patient(OWNER), OWNER);
        assertThat(reopened.status()).isEqualTo(SpaceStatus.OPEN);
        assertThat(reopened.closure()).isEmpty();
        assertThat(reopened.access().treatingDoctorRpps()).isEqualTo("10000000001");
        // Its former purge day comes and goes: a reopened space is out of the schedule.
        clock = Clock.fixed(Instant.parse("2036-11-30T03:00:00Z"), ZoneOffset.UTC);
        schedule.checkpoint = Optional.of(LocalDate.parse("2036-11-28"));
        assertThat(purge().purge().spacesPurged()).isZero();
        assertThat(spaces.find(OWNER)).isPresent();
        assertThat(history.entries).extracting(e -> e.resourceId()).contains("cloture", "reouverture");
    }

    @Test
    void without_an_e_mail_address_the_confirmation_is_a_letter_to_the_registry_address() {
        lifecycle().close(new Actor.Patient(NO_EMAIL), NO_EMAIL);

        assertThat(mails).isEmpty();
        assertThat(letters).singleElement().satisfies(l -> {
            assertThat(l.addressee()).isEqualTo("Paul Durand");
            assertThat(l.address().town()).isEqualTo("Toulouse");
            assertThat(String.join(" ", l.paragraphs())).contains("29 novembre 2036");
        });
    }

    @Test
    void a_deletion_is_confirmed_purged_the_same_day_and_cannot_be_undone() {
        assertThatThrownBy(() -> lifecycle().requestDeletion(new Actor.Patient(OWNER), OWNER, "oui"))
                .hasMessageContaining("SUPPRIMER");
        assertThat(spaces.find(OWNER).orElseThrow().status()).isEqualTo(SpaceStatus.OPEN);

        lifecycle().requestDeletion(new Actor.Patient(OWNER), OWNER, "SUPPRIMER");

        assertThatThrownBy(() -> lifecycle().reopen(new Actor.Patient(OWNER), OWNER))
                .isInstanceOf(LifecycleException.class).hasMessageContaining("en cours de suppression");
        assertThatThrownBy(() -> lifecycle().requestDeletion(new Actor.Patient(OWNER), OWNER, "SUPPRIMER"))
                .hasMessageContaining("déjà demandée");
        clock = Clock.offset(clock, java.time.Duration.ofHours(1));
        RetentionPurge.PurgeReport report = purge().purge();
        assertThat(report.spacesPurged()).isEqualTo(1);
        assertThat(erased).containsExactly(OWNER);
        assertThat(spaces.find(OWNER)).isEmpty();
        // Running again finds nothing left to do.
        assertThat(purge().purge().spacesPurged()).isZero();
    }

    @Test
    void a_purge_that_crashed_after_its_claim_is_finished_by_the_next_run_and_the_space_never_reopens() {
        lifecycle().requestDeletion(new Actor.Patient(OWNER), OWNER, "SUPPRIMER");
        SpaceErasure crashing = key -> {
            throw new IllegalStateException("crash");
        };
        assertThatThrownBy(() -> new RetentionPurge(schedule, crashing, clock).purge()).hasMessage("crash");
        assertThat(spaces.find(OWNER).orElseThrow().status()).isEqualTo(SpaceStatus.PURGING);
        assertThatThrownBy(() -> lifecycle().reopen(new Actor.Patient(OWNER), OWNER)).isInstanceOf(LifecycleException.class);

        assertThat(purge().purge().spacesPurged()).isEqualTo(1);
        assertThat(spaces.find(OWNER)).isEmpty();
    }

    @Test
    void the_purge_catches_up_on_missed_days_and_reads_only_the_days_since_its_checkpoint() {
        lifecycle().close(new Actor.Patient(OWNER), OWNER);
        lifecycle().close(new Actor.Patient(NO_EMAIL), NO_EMAIL);
        // Ten years and three days later, the purge did not run for three days.
        clock = Clock.fixed(Instant.parse("2036-12-02T03:00:00Z"), ZoneOffset.UTC);
        schedule.checkpoint = Optional.of(LocalDate.parse("2036-11-28"));

        RetentionPurge.PurgeReport report = purge().purge();

        assertThat(report.from()).isEqualTo(LocalDate.parse("2036-11-29"));
        assertThat(report.spacesPurged()).isEqualTo(2);
        assertThat(schedule.checkpoint).contains(LocalDate.parse("2036-11-30"));
        assertThat(schedule.daysRead).containsOnly(LocalDate.parse("2036-11-29"), LocalDate.parse("2036-11-30"),
                LocalDate.parse("2036-12-01"), LocalDate.parse("2036-12-02"));
    }

    @Test
    void only_the_owner_deletes_a_parent_may_close_a_minors_space_and_no_one_else_touches_its_life() {
        spaces.access(OWNER, a -> new fr.espacesante.domain.access.SpaceAccess(a.ownerKey(), Set.of(PARENT),
                a.treatingDoctorRpps(), a.consentedRpps(), a.blockedRpps(), a.emergencyAccessEnabled(), a.closed(), a.caregivers()));
        var parent = new Actor.LegalRepresentative(PARENT);
        assertThatThrownBy(() -> lifecycle().requestDeletion(parent, OWNER, "SUPPRIMER"))
                .isInstanceOf(LifecycleException.class).hasMessageContaining("Seul le titulaire");
        assertThatThrownBy(() -> lifecycle().close(new Actor.Patient("quelqu-un"), OWNER))
                .isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> lifecycle().close(new Actor.Professional("10000000001", "Dr A", "medecin", true), OWNER))
                .isInstanceOf(AccessRefusedException.class);
        assertThat(spaces.find(OWNER).orElseThrow().status()).isEqualTo(SpaceStatus.OPEN);

        assertThat(lifecycle().close(parent, OWNER).status()).isEqualTo(SpaceStatus.CLOSED);
    }

    /** The purge index as the DynamoDB adapter keeps it: space keys by purge day, claimed then finished. */
    private final class Schedule implements PurgeSchedule {
        final Map<String, LocalDate> due = new TreeMap<>();
        Optional<LocalDate> checkpoint = Optional.empty();
        final Set<LocalDate> daysRead = new HashSet<>();

        @Override
        public Page due(LocalDate day, int shard, int limit, Optional<String> cursor) {
            daysRead.add(day);
            syncFromSpaces();
            return new Page(due.entrySet().stream().filter(e -> e.getValue().equals(day))
                    .map(Map.Entry::getKey)
                    .filter(k -> fr.espacesante.domain.campaign.Departments.shardOf(k) == shard).toList(), Optional.empty());
        }

        /** The adapter's index follows the space's own attributes; here it is read from the store. */
        private void syncFromSpaces() {
            due.clear();
            spaces.byKey.values().forEach(s -> s.closure().ifPresent(c -> due.put(s.spaceKey(), c.purgeOn())));
        }

        @Override
        public boolean claim(String spaceKey, LocalDate day) {
            Space s = spaces.byKey.get(spaceKey);
            if (s == null || s.closure().isEmpty() || !s.closure().get().purgeOn().equals(day)) {
                return false;
            }
            spaces.byKey.put(spaceKey, new Space(s.spaceKey(), SpaceStatus.PURGING, s.closure(), s.createdAt(),
                    s.creation(), s.activatedAt(), s.email(), s.preferences(), s.access(), s.professionals(), s.version() + 1));
            return true;
        }

        @Override
        public boolean finish(String spaceKey, LocalDate day, Instant at) {
            Space s = spaces.byKey.get(spaceKey);
            if (s == null || s.status() != SpaceStatus.PURGING) {
                return false;
            }
            spaces.byKey.remove(spaceKey);
            due.remove(spaceKey);
            return true;
        }

        @Override
        public Optional<LocalDate> purgedThrough() {
            return checkpoint;
        }

        @Override
        public void recordPurgedThrough(LocalDate day) {
            checkpoint = Optional.of(day);
        }

        @Override
        public void startNoLaterThan(LocalDate day) {
            if (checkpoint.isEmpty()) {
                checkpoint = Optional.of(day.minusDays(1));
            }
        }
    }
}
