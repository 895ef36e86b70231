package fr.espacesante.domain.agenda.port.out;

import java.time.Instant;
import java.util.Optional;

/** The agenda's calendar subscription, at most one per space, found by its token's hash. */
public interface CalendarSubscriptions {

    record Subscription(String spaceKey, String tokenHash, Instant createdAt) {
    }

    /** Replaces the space's subscription (the old address stops at once). */
    void subscribe(Subscription subscription);

    Optional<Subscription> subscription(String spaceKey);

    Optional<Subscription> subscriptionByToken(String tokenHash);

    /** Revokes the space's subscription: its address answers 404 at once. */
    void unsubscribe(String spaceKey);
}
