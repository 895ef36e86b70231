package fr.espacesante.domain.space;

import fr.espacesante.domain.access.SpaceAccess;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * A person's health space. Its key is the owner's person key (one space per insured person).
 *
 * @param closure when it was closed and the day its data is purged; empty while open
 * @param creation how it came to exist: the sweep after the objection period, or the person's activation
 * @param activatedAt when the owner first signed in and proved who they are; empty until then
 * @param email where notices go (new document, emergency access...): the one given at activation,
 *              else the registry's
 * @param professionals display labels ("name — profession") of professionals the space refers to, by RPPS
 * @param version counts the changes made to the space: an access decision taken on one version is
 *                recorded only if the space is still at that version (see {@link RecentSpaces})
 */
public record Space(String spaceKey, SpaceStatus status, Optional<Closure> closure, Instant createdAt, Creation creation,
                    Optional<Instant> activatedAt, Optional<String> email, NotificationPreferences preferences,
                    SpaceAccess access, Map<String, String> professionals, long version) {

    public enum Creation { SWEEP, ACTIVATION }

    /**
     * @param closedAt when the owner closed the space or asked for its deletion
     * @param purgeOn the day (Paris time) its data is purged: 10 years after closure, the same day for a deletion
     */
    public record Closure(Instant closedAt, LocalDate purgeOn) {
    }

    public Space {
        professionals = Map.copyOf(professionals);
        if (status.closed() != closure.isPresent()) {
            throw new IllegalArgumentException("a closed space, and only a closed one, has a closure");
        }
    }

    /** A new space as created by the sweep or an activation: emergency access on, no one else authorised yet. */
    public static Space created(String personKey, Instant at, Creation creation, Optional<String> email) {
        return new Space(personKey, SpaceStatus.OPEN, Optional.empty(), at, creation, Optional.empty(), email,
                NotificationPreferences.ALL, SpaceAccess.ownedBy(personKey), Map.of(), 0);
    }

    public String professionalLabel(String rpps) {
        return professionals.getOrDefault(rpps, "Professionnel de santé");
    }
}
