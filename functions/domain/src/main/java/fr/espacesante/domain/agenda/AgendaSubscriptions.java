package fr.espacesante.domain.agenda;

import fr.espacesante.domain.access.AccessRequest;
import fr.espacesante.domain.access.Actor;
import fr.espacesante.domain.access.Resource;
import fr.espacesante.domain.access.SpaceAccessGuard;
import fr.espacesante.domain.agenda.port.out.AgendaBook;
import fr.espacesante.domain.agenda.port.out.CalendarSubscriptions;
import fr.espacesante.domain.space.Space;
import fr.espacesante.domain.space.SpaceNotFoundException;
import fr.espacesante.domain.space.port.out.Spaces;
import fr.espacesante.domain.text.Digests;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A private calendar subscription (iCalendar) of the agenda, so the patient sees their appointments in
 * the calendar app they already use. Its address carries no identifier, only a 256-bit random token
 * whose hash alone is stored; creating a new one replaces the old, revoking it makes it answer 404 at
 * once. Creating and revoking are the owner's (or a parent's) settings, recorded in the history; the
 * feed's reads, made by a calendar app every hour or so, are not (they would drown the history).
 */
public final class AgendaSubscriptions {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int FEED_LIMIT = 500;

    private final AgendaBook book;
    private final CalendarSubscriptions subscriptions;
    private final Spaces spaces;
    private final SpaceAccessGuard guard;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public AgendaSubscriptions(AgendaBook book, CalendarSubscriptions subscriptions, Spaces spaces, SpaceAccessGuard guard,
                               Clock clock) {
        this.book = book;
        this.subscriptions = subscriptions;
        this.spaces = spaces;
        this.guard = guard;
        this.clock = clock;
    }

    /** @return the new token, shown once: only its hash is kept */
    public String subscribe(Actor actor, String spaceKey) {
        allowed(actor, spaceKey, "agenda/abonnement");
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        subscriptions.subscribe(new CalendarSubscriptions.Subscription(spaceKey, hash(token), clock.instant(),
                personKey(actor)));
        return token;
    }

    public Optional<CalendarSubscriptions.Subscription> current(Actor actor, String spaceKey) {
        allowed(actor, spaceKey, "agenda/abonnement");
        return subscriptions.subscription(spaceKey);
    }

    public void revoke(Actor actor, String spaceKey) {
        allowed(actor, spaceKey, "agenda/abonnement");
        subscriptions.unsubscribe(spaceKey);
    }

    /**
     * The entries a subscription shows: from three months ago on, of an open space only.
     *
     * @throws AgendaException unknown or revoked token, or a closed space (404 alike: nothing to learn)
     */
    public List<AgendaItem> feed(String token) {
        if (!TOKEN.matcher(token).matches()) {
            throw new AgendaException(AgendaException.Reason.UNKNOWN_SUBSCRIPTION);
        }
        CalendarSubscriptions.Subscription subscription = subscriptions.subscriptionByToken(hash(token))
                .orElseThrow(() -> new AgendaException(AgendaException.Reason.UNKNOWN_SUBSCRIPTION));
        // A closed space shows nothing; nor does a parent's subscription once the child is of age.
        if (spaces.find(subscription.spaceKey()).map(s -> s.status().closed() || !holds(s, subscription.createdBy()))
                .orElse(true)) {
            throw new AgendaException(AgendaException.Reason.UNKNOWN_SUBSCRIPTION);
        }
        LocalDate from = clock.instant().atZone(PARIS).toLocalDate().minusMonths(3);
        List<AgendaItem> items = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            AgendaBook.Page page = book.list(subscription.spaceKey(), from, 100, cursor);
            items.addAll(page.items());
            cursor = page.cursor();
        } while (cursor.isPresent() && items.size() < FEED_LIMIT);
        return items;
    }

    private static boolean holds(Space space, String personKey) {
        return personKey != null && (personKey.equals(space.access().ownerKey())
                || space.access().legalRepresentatives().contains(personKey));
    }

    /** Who creates a subscription: the owner or a legal representative (the only ones the guard lets through). */
    private static String personKey(Actor actor) {
        return switch (actor) {
            case Actor.Patient patient -> patient.personKey();
            case Actor.LegalRepresentative parent -> parent.personKey();
            default -> throw new IllegalArgumentException("only the owner or a parent subscribes");
        };
    }

    private void allowed(Actor actor, String spaceKey, String element) {
        Space space = spaces.find(spaceKey).orElseThrow(SpaceNotFoundException::new);
        guard.require(new AccessRequest(actor, space.access(), Resource.of(Resource.Kind.SETTINGS),
                AccessRequest.Action.WRITE, Optional.empty()), element);
    }

    static String hash(String token) {
        return Digests.sha256Hex(token.getBytes(StandardCharsets.US_ASCII));
    }
}
