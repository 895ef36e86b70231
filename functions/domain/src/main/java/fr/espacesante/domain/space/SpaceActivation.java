package fr.espacesante.domain.space;

import fr.espacesante.domain.access.AccessRequest;
import fr.espacesante.domain.access.AccessRequest.Action;
import fr.espacesante.domain.access.Actor;
import fr.espacesante.domain.access.Resource;
import fr.espacesante.domain.access.SpaceAccessGuard;
import fr.espacesante.domain.campaign.Notification;
import fr.espacesante.domain.campaign.OneTimeCode;
import fr.espacesante.domain.nir.Nir;
import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.domain.space.port.out.IdentityLinks;
import fr.espacesante.domain.space.port.out.IdentityLinks.LinkOutcome;
import fr.espacesante.domain.campaign.port.out.NotificationLedger;
import fr.espacesante.domain.space.port.out.PersonDirectory;
import fr.espacesante.domain.space.port.out.Spaces;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Activation (PRODUCT.md, "The life of a space" step 5): a signed-in citizen proves they are an
 * insured person; their login is linked to that person once and for all, and the space is created
 * at once if the sweep has not created it yet. Later sign-ins find the space through the link.
 */
public final class SpaceActivation {

    /** What the citizen typed to prove who they are: the NIR, the birth date and the birth name on record. */
    public record IdentityProof(Nir nir, LocalDate birthDate, String birthName) {
    }

    private final NirProtection nirProtection;
    private final OneTimeCode codes;
    private final NotificationLedger ledger;
    private final PersonDirectory persons;
    private final IdentityLinks links;
    private final Spaces spaces;
    private final SpaceAccessGuard guard;
    private final AttemptGuard attempts;
    private final Clock clock;

    public SpaceActivation(NirProtection nirProtection, OneTimeCode codes, NotificationLedger ledger,
                           PersonDirectory persons, IdentityLinks links, Spaces spaces, SpaceAccessGuard guard,
                           AttemptGuard attempts, Clock clock) {
        this.nirProtection = nirProtection;
        this.codes = codes;
        this.ledger = ledger;
        this.persons = persons;
        this.links = links;
        this.spaces = spaces;
        this.guard = guard;
        this.attempts = attempts;
        this.clock = clock;
    }

    /** The attempt keys of a login and of the client it calls from. */
    public static List<String> attemptKeys(String subject, String clientId) {
        return List.of("activation-login:" + subject, "activation-client:" + clientId);
    }

    /**
     * @throws IdentityNotRecognisedException the same way for an unknown NIR and for wrong details
     * @throws TooManyAttemptsException after repeated failures from this login or this client
     * @throws AccountConflictException the person or the login is already linked to someone else
     */
    public Space activate(String subject, String clientId, IdentityProof proof) {
        Optional<String> linked = links.personKeyOf(subject);
        if (linked.isPresent()) {
            String personKey = linked.get();
            if (!personKey.equals(nirProtection.lookupKey(proof.nir()))) {
                throw new AccountConflictException(LinkOutcome.SUBJECT_LINKED_ELSEWHERE);
            }
            return openSpace(persons.find(personKey).orElseThrow(SpaceNotFoundException::new));
        }
        RegisteredPerson person = new IdentityVerification(nirProtection, persons, attempts).recognise(subject, clientId, proof);
        LinkOutcome outcome = links.link(subject, person.personKey(), clock.instant());
        if (outcome != LinkOutcome.LINKED && outcome != LinkOutcome.ALREADY_LINKED) {
            throw new AccountConflictException(outcome);
        }
        return openSpace(person);
    }

    /**
     * Activation with the code of the letter or e-mail, valid until the objection deadline.
     *
     * @throws IdentityNotRecognisedException unknown, unsent or expired code (one answer for all)
     */
    public Space activateWithCode(String subject, String clientId, String typedCode) {
        List<String> keys = attemptKeys(subject, clientId);
        Optional<String> linked = links.personKeyOf(subject);
        LocalDate today = clock.instant().atZone(java.time.ZoneId.of("Europe/Paris")).toLocalDate();
        // Guessing codes is limited for every login, already activated or not.
        attempts.ensureAllowed(keys);
        Optional<Notification> notification = Optional.of(typedCode).filter(OneTimeCode::wellFormed)
                .map(codes::lookupHash).flatMap(ledger::findByCodeHash)
                .filter(n -> n.state() == Notification.State.SENT && !today.isAfter(n.deadline()));
        if (notification.isEmpty()) {
            attempts.failed(keys);
            throw new IdentityNotRecognisedException();
        }
        String personKey = notification.get().personKey();
        if (linked.isPresent() && !linked.get().equals(personKey)) {
            throw new AccountConflictException(LinkOutcome.SUBJECT_LINKED_ELSEWHERE);
        }
        RegisteredPerson person = persons.find(personKey).orElseThrow(IdentityNotRecognisedException::new);
        LinkOutcome outcome = links.link(subject, personKey, clock.instant());
        if (outcome != LinkOutcome.LINKED && outcome != LinkOutcome.ALREADY_LINKED) {
            throw new AccountConflictException(outcome);
        }
        return openSpace(person);
    }

    /**
     * Creates the space if needed (activation before the deadline), records the first activation.
     * Every step is idempotent, so a retried or concurrent activation ends in the same state.
     */
    private Space openSpace(RegisteredPerson person) {
        Instant now = clock.instant();
        spaces.createIfAbsent(Space.created(person.personKey(), now, Space.Creation.ACTIVATION, person.contact().email()));
        persons.markSpaceCreated(person.personKey(), now);
        Space space = spaces.find(person.personKey()).orElseThrow(SpaceNotFoundException::new);
        if (space.activatedAt().isEmpty()) {
            spaces.recordActivation(space.spaceKey(), now, space.email(), space.preferences());
        }
        guard.check(new AccessRequest(new Actor.Patient(person.personKey()), space.access(),
                Resource.of(Resource.Kind.SPACE), Action.WRITE, Optional.empty()), "activation");
        return spaces.find(person.personKey()).orElseThrow(SpaceNotFoundException::new);
    }
}
