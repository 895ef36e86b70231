package fr.espacesante.domain.support;

import fr.espacesante.domain.access.SpaceAccess;
import fr.espacesante.domain.person.PersonStatus;
import fr.espacesante.domain.family.Guardianship;
import fr.espacesante.domain.space.port.out.AttemptCounters;
import fr.espacesante.domain.family.port.out.Guardianships;
import fr.espacesante.domain.space.port.out.IdentityLinks;
import fr.espacesante.domain.space.port.out.PersonDirectory;
import fr.espacesante.domain.space.port.out.Spaces;
import fr.espacesante.domain.space.NotificationPreferences;
import fr.espacesante.domain.space.RegisteredPerson;
import fr.espacesante.domain.space.Space;
import fr.espacesante.domain.space.SpaceStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** In-memory fakes of the space lifecycle's ports, with the same rules as the DynamoDB adapters. */
public final class InMemorySpaceStores {

    private InMemorySpaceStores() {
    }

    public static final class Persons implements PersonDirectory {
        public final Map<String, RegisteredPerson> byKey = new HashMap<>();

        @Override
        public Optional<RegisteredPerson> find(String personKey) {
            return Optional.ofNullable(byKey.get(personKey));
        }

        @Override
        public void markSpaceCreated(String personKey, Instant at) {
            byKey.computeIfPresent(personKey, (k, p) -> new RegisteredPerson(k, p.identity(), p.contact(),
                    PersonStatus.SPACE_CREATED, p.notifiedBy()));
        }
    }

    public static final class Links implements IdentityLinks {
        public final Map<String, String> bySubject = new HashMap<>();

        @Override
        public Optional<String> personKeyOf(String subject) {
            return Optional.ofNullable(bySubject.get(subject));
        }

        @Override
        public LinkOutcome link(String subject, String personKey, Instant at) {
            String existing = bySubject.get(subject);
            if (existing != null) {
                return existing.equals(personKey) ? LinkOutcome.ALREADY_LINKED : LinkOutcome.SUBJECT_LINKED_ELSEWHERE;
            }
            if (bySubject.containsValue(personKey)) {
                return LinkOutcome.PERSON_LINKED_ELSEWHERE;
            }
            bySubject.put(subject, personKey);
            return LinkOutcome.LINKED;
        }
    }

    public static final class SpaceStore implements Spaces {
        public final Map<String, Space> byKey = new HashMap<>();
        public int created;

        @Override
        public Optional<Space> find(String spaceKey) {
            return Optional.ofNullable(byKey.get(spaceKey));
        }

        @Override
        public boolean createIfAbsent(Space space) {
            if (byKey.putIfAbsent(space.spaceKey(), space) == null) {
                created++;
                return true;
            }
            return false;
        }

        @Override
        public void recordActivation(String spaceKey, Instant at, Optional<String> email, NotificationPreferences preferences) {
            change(spaceKey, s -> new Space(s.spaceKey(), s.status(), s.closure(), s.createdAt(), s.creation(),
                    s.activatedAt().or(() -> Optional.of(at)), email, preferences, s.access(), s.professionals(), s.version() + 1));
        }

        @Override
        public void updateContact(String spaceKey, Optional<String> email, NotificationPreferences preferences) {
            change(spaceKey, s -> new Space(s.spaceKey(), s.status(), s.closure(), s.createdAt(), s.creation(), s.activatedAt(), email,
                    preferences, s.access(), s.professionals(), s.version() + 1));
        }

        @Override
        public void setTreatingDoctor(String spaceKey, Optional<String> rpps, Optional<String> label) {
            access(spaceKey, a -> new SpaceAccess(a.ownerKey(), a.legalRepresentatives(), rpps.orElse(null),
                    a.consentedRpps(), a.blockedRpps(), a.emergencyAccessEnabled(), a.closed(), a.caregivers()));
        }

        @Override
        public void block(String spaceKey, String rpps) {
            access(spaceKey, a -> new SpaceAccess(a.ownerKey(), a.legalRepresentatives(), a.treatingDoctorRpps(),
                    a.consentedRpps(), plus(a.blockedRpps(), rpps), a.emergencyAccessEnabled(), a.closed(), a.caregivers()));
        }

        @Override
        public void unblock(String spaceKey, String rpps) {
            access(spaceKey, a -> new SpaceAccess(a.ownerKey(), a.legalRepresentatives(), a.treatingDoctorRpps(),
                    a.consentedRpps(), minus(a.blockedRpps(), rpps), a.emergencyAccessEnabled(), a.closed(), a.caregivers()));
        }

        @Override
        public void addConsent(String spaceKey, String rpps, String label) {
            access(spaceKey, a -> new SpaceAccess(a.ownerKey(), a.legalRepresentatives(), a.treatingDoctorRpps(),
                    plus(a.consentedRpps(), rpps), a.blockedRpps(), a.emergencyAccessEnabled(), a.closed(), a.caregivers()));
        }

        @Override
        public void revokeConsent(String spaceKey, String rpps) {
            access(spaceKey, a -> new SpaceAccess(a.ownerKey(), a.legalRepresentatives(), a.treatingDoctorRpps(),
                    minus(a.consentedRpps(), rpps), a.blockedRpps(), a.emergencyAccessEnabled(), a.closed(), a.caregivers()));
        }

        @Override
        public void setEmergencyAccess(String spaceKey, boolean enabled) {
            access(spaceKey, a -> new SpaceAccess(a.ownerKey(), a.legalRepresentatives(), a.treatingDoctorRpps(),
                    a.consentedRpps(), a.blockedRpps(), enabled, a.closed(), a.caregivers()));
        }

        @Override
        public boolean close(String spaceKey, Space.Closure closure) {
            return lifecycle(spaceKey, Set.of(SpaceStatus.OPEN), SpaceStatus.CLOSED, Optional.of(closure));
        }

        @Override
        public boolean requestDeletion(String spaceKey, Space.Closure closure) {
            return lifecycle(spaceKey, Set.of(SpaceStatus.OPEN, SpaceStatus.CLOSED), SpaceStatus.DELETION_REQUESTED,
                    Optional.of(closure));
        }

        @Override
        public boolean reopen(String spaceKey) {
            return lifecycle(spaceKey, Set.of(SpaceStatus.CLOSED), SpaceStatus.OPEN, Optional.empty());
        }

        private boolean lifecycle(String spaceKey, Set<SpaceStatus> from, SpaceStatus to, Optional<Space.Closure> closure) {
            Space s = byKey.get(spaceKey);
            if (s == null || !from.contains(s.status())) {
                return false;
            }
            SpaceAccess a = s.access();
            byKey.put(spaceKey, new Space(s.spaceKey(), to, closure, s.createdAt(), s.creation(), s.activatedAt(), s.email(),
                    s.preferences(), new SpaceAccess(a.ownerKey(), a.legalRepresentatives(), a.treatingDoctorRpps(),
                    a.consentedRpps(), a.blockedRpps(), a.emergencyAccessEnabled(), to.closed(), a.caregivers()),
                    s.professionals(), s.version() + 1));
            return true;
        }

        public void access(String spaceKey, UnaryOperator<SpaceAccess> change) {
            change(spaceKey, s -> new Space(s.spaceKey(), s.status(), s.closure(), s.createdAt(), s.creation(), s.activatedAt(),
                    s.email(), s.preferences(), change.apply(s.access()), s.professionals(), s.version() + 1));
        }

        private void change(String spaceKey, UnaryOperator<Space> change) {
            byKey.compute(spaceKey, (k, s) -> {
                if (s == null) {
                    throw new fr.espacesante.domain.space.SpaceNotFoundException();
                }
                return change.apply(s);
            });
        }

        private static Set<String> plus(Set<String> set, String value) {
            Set<String> copy = new HashSet<>(set);
            copy.add(value);
            return copy;
        }

        private static Set<String> minus(Set<String> set, String value) {
            Set<String> copy = new HashSet<>(set);
            copy.remove(value);
            return copy;
        }
    }

    /** Guardianships that, like the DynamoDB transaction, also make the parent the child's space's legal representative. */
    public static final class Families implements Guardianships {
        public final Map<String, Guardianship> byParentAndReference = new HashMap<>();
        private final SpaceStore spaces;

        public Families(SpaceStore spaces) {
            this.spaces = spaces;
        }

        @Override
        public AttachOutcome attach(Guardianship guardianship) {
            Space child = spaces.find(guardianship.childKey()).orElseThrow(fr.espacesante.domain.space.SpaceNotFoundException::new);
            Set<String> parents = child.access().legalRepresentatives();
            if (!parents.isEmpty() && !parents.contains(guardianship.parentKey())) {
                return AttachOutcome.ATTACHED_TO_ANOTHER_PARENT;
            }
            if (byParentAndReference.putIfAbsent(guardianship.parentKey() + "/" + guardianship.reference(), guardianship) != null) {
                return AttachOutcome.ALREADY_ATTACHED;
            }
            spaces.access(guardianship.childKey(), a -> new SpaceAccess(a.ownerKey(), Set.of(guardianship.parentKey()),
                    a.treatingDoctorRpps(), a.consentedRpps(), a.blockedRpps(), a.emergencyAccessEnabled(), a.closed(), a.caregivers()));
            return AttachOutcome.ATTACHED;
        }

        @Override
        public List<Guardianship> ofParent(String parentKey) {
            return byParentAndReference.values().stream().filter(g -> g.parentKey().equals(parentKey)).toList();
        }

        @Override
        public Optional<Guardianship> find(String parentKey, String reference) {
            return Optional.ofNullable(byParentAndReference.get(parentKey + "/" + reference));
        }
    }

    public static final class Counters implements AttemptCounters {
        private final Map<String, Integer> failures = new HashMap<>();

        @Override
        public int failures(String key, Instant windowStart) {
            return failures.getOrDefault(key + "@" + windowStart, 0);
        }

        @Override
        public void addFailure(String key, Instant windowStart, Instant expiresAt) {
            failures.merge(key + "@" + windowStart, 1, Integer::sum);
        }
    }
}
