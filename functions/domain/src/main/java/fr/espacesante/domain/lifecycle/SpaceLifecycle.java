package fr.espacesante.domain.lifecycle;

import fr.espacesante.domain.access.AccessRequest;
import fr.espacesante.domain.access.Actor;
import fr.espacesante.domain.access.Resource;
import fr.espacesante.domain.access.SpaceAccessGuard;
import fr.espacesante.domain.lifecycle.LifecycleException.Reason;
import fr.espacesante.domain.lifecycle.port.out.PostalMail;
import fr.espacesante.domain.lifecycle.port.out.PurgeSchedule;
import fr.espacesante.domain.mail.port.out.Mailer;
import fr.espacesante.domain.space.RegisteredPerson;
import fr.espacesante.domain.space.Space;
import fr.espacesante.domain.space.SpaceNotFoundException;
import fr.espacesante.domain.space.SpaceStatus;
import fr.espacesante.domain.space.port.out.PersonDirectory;
import fr.espacesante.domain.space.port.out.Spaces;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Closure, deletion and reopening (PRODUCT.md, "The life of a space" step 6). The owner — or the
 * parent acting for a minor — closes the space at any time: no one else may act in it from then on,
 * and its data is kept {@code retentionYears} years, then purged by {@link RetentionPurge}. The owner
 * may instead ask for deletion: definitive, purged the same day. A closed space reopens with all its
 * data until its purge starts. Each change goes through the access policy (rule on
 * {@link Resource.Kind#LIFECYCLE}), is in the access history, and is confirmed by e-mail, or by
 * letter when the space has no e-mail address.
 */
public final class SpaceLifecycle {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** What the owner types to confirm a deletion: it cannot be undone. */
    public static final String DELETION_CONFIRMATION = "SUPPRIMER";

    private final Spaces spaces;
    private final PersonDirectory persons;
    private final PurgeSchedule purges;
    private final SpaceAccessGuard guard;
    private final Mailer mailer;
    private final PostalMail post;
    private final LifecycleNotices notices;
    private final Clock clock;
    private final int retentionYears;

    public SpaceLifecycle(Spaces spaces, PersonDirectory persons, PurgeSchedule purges, SpaceAccessGuard guard,
                          Mailer mailer, PostalMail post, LifecycleNotices notices, Clock clock, int retentionYears) {
        this.spaces = spaces;
        this.persons = persons;
        this.purges = purges;
        this.guard = guard;
        this.mailer = mailer;
        this.post = post;
        this.notices = notices;
        this.clock = clock;
        this.retentionYears = retentionYears;
    }

    /** @throws LifecycleException already closed or being deleted */
    public Space close(Actor actor, String spaceKey) {
        Space space = allowed(actor, spaceKey, "cloture");
        if (space.status().closed()) {
            throw new LifecycleException(space.status() == SpaceStatus.CLOSED ? Reason.ALREADY_CLOSED
                    : Reason.DELETION_ALREADY_REQUESTED);
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(PARIS).toLocalDate();
        Space.Closure closure = new Space.Closure(now, today.plusYears(retentionYears));
        purges.startNoLaterThan(today);
        if (!spaces.close(spaceKey, closure)) {
            throw new LifecycleException(Reason.ALREADY_CLOSED);
        }
        tell(space, notices.closure(today, closure.purgeOn()));
        return current(spaceKey);
    }

    /**
     * Asks for the definitive deletion of an open or closed space: purged within the day.
     *
     * @param confirmation must be {@value #DELETION_CONFIRMATION}
     * @throws LifecycleException not confirmed, asked by a legal representative, or already asked
     */
    public Space requestDeletion(Actor actor, String spaceKey, String confirmation) {
        if (!DELETION_CONFIRMATION.equals(confirmation)) {
            throw new LifecycleException(Reason.CONFIRMATION_MISSING);
        }
        // Destroying a minor's record is the young person's own decision: a parent may close it, not delete it.
        if (actor instanceof Actor.LegalRepresentative) {
            throw new LifecycleException(Reason.OWNER_ONLY);
        }
        Space space = allowed(actor, spaceKey, "suppression");
        if (space.status() == SpaceStatus.DELETION_REQUESTED || space.status() == SpaceStatus.PURGING) {
            throw new LifecycleException(Reason.DELETION_ALREADY_REQUESTED);
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(PARIS).toLocalDate();
        purges.startNoLaterThan(today);
        if (!spaces.requestDeletion(spaceKey, new Space.Closure(now, today))) {
            throw new LifecycleException(Reason.DELETION_ALREADY_REQUESTED);
        }
        tell(space, notices.deletion(today, today.plusDays(1)));
        return current(spaceKey);
    }

    /** @throws LifecycleException open, or being deleted */
    public Space reopen(Actor actor, String spaceKey) {
        Space space = allowed(actor, spaceKey, "reouverture");
        if (space.status() == SpaceStatus.OPEN) {
            throw new LifecycleException(Reason.NOT_CLOSED);
        }
        if (space.status() != SpaceStatus.CLOSED || !spaces.reopen(spaceKey)) {
            throw new LifecycleException(Reason.BEING_DELETED);
        }
        tell(space, notices.reopening(clock.instant().atZone(PARIS).toLocalDate()));
        return current(spaceKey);
    }

    private Space allowed(Actor actor, String spaceKey, String element) {
        Space space = current(spaceKey);
        guard.require(new AccessRequest(actor, space.access(), Resource.of(Resource.Kind.LIFECYCLE),
                AccessRequest.Action.WRITE, Optional.empty()), element);
        return space;
    }

    private Space current(String spaceKey) {
        return spaces.find(spaceKey).orElseThrow(SpaceNotFoundException::new);
    }

    /** By e-mail when the space has an address, else by letter to the registry's postal address. */
    private void tell(Space space, LifecycleNotices.Notice notice) {
        if (space.email().isPresent()) {
            mailer.send(notices.mail(space.email().get(), notice));
            return;
        }
        Optional<RegisteredPerson> person = persons.find(space.spaceKey());
        // An outgoing letter names no space: like a sent e-mail, it is the post's, not the space's.
        person.ifPresent(p -> post.post(new PostalMail.Letter(clock.instant().atZone(PARIS).toLocalDate() + "/"
                + java.util.UUID.randomUUID(), p.identity().firstNames() + " " + p.identity().lastName(),
                p.contact().address(), clock.instant().atZone(PARIS).toLocalDate(), notice.title(), notice.paragraphs())));
    }
}
