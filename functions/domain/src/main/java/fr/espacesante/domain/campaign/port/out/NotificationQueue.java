package fr.espacesante.domain.campaign.port.out;

import java.util.List;

/**
 * Persons awaiting their first notification, by département, read from a sparse index: a person
 * leaves it when claimed by a wave, when they object, or when their space is created.
 */
public interface NotificationQueue {

    /** A person in the queue, and whether an e-mail address is known (e-mail) or not (letter). */
    record Queued(String personKey, boolean hasEmail) {
    }

    /** Up to {@code limit} persons of one index shard of a département. */
    List<Queued> awaiting(String department, int shard, int limit);

    /** How many persons await in these départements (reads only their index partitions). */
    long countAwaiting(List<String> departments);
}
