package fr.espacesante.domain.agenda.port.out;

import java.time.Instant;
import java.util.Optional;

/** The agenda's calendar subscription, at most one per space, found by its token's hash. */
public interface CalendarSubscriptions {

    /**
     * @param createdBy the person who created it: the owner, or a parent acting for a child; it stops
     *                  working when that person no longer holds the space (a parent, at the child's 18th birthday)
     */
    record Subscription(String spaceKey, String tokenHash, Instant createdAt, String createdBy) {
    }

    /** Replaces the space's subscription (the old address stops at once). */
    void subscribe(Subscription subscription);

    Optional<Subscription> subscription(String spaceKey);

    Optional<Subscription> subscriptionByToken(String tokenHash);

    /** Revokes the space's subscription: its address answers 404 at once. */
    void unsubscribe(String spaceKey);
}
