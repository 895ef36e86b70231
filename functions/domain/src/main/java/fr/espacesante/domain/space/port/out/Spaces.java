package fr.espacesante.domain.space.port.out;

import fr.espacesante.domain.space.NotificationPreferences;
import fr.espacesante.domain.space.Space;
import java.time.Instant;
import java.util.Optional;

/**
 * The spaces, by owner's person key. Each change is one atomic update of the stored space, so two
 * changes made at the same time (a consent declared while the patient blocks someone) never undo
 * each other.
 */
public interface Spaces {

    Optional<Space> find(String spaceKey);

    /** Creates the space unless it exists. @return true when this call created it */
    boolean createIfAbsent(Space space);

    /** Records the first activation (later calls keep the first date) and the contact the patient chose. */
    void recordActivation(String spaceKey, Instant at, Optional<String> email, NotificationPreferences preferences);

    void updateContact(String spaceKey, Optional<String> email, NotificationPreferences preferences);

    void setTreatingDoctor(String spaceKey, Optional<String> rpps, Optional<String> label);

    void block(String spaceKey, String rpps);

    void unblock(String spaceKey, String rpps);

    void addConsent(String spaceKey, String rpps, String label);

    void revokeConsent(String spaceKey, String rpps);

    void setEmergencyAccess(String spaceKey, boolean enabled);

    /** Closes an open space, scheduling its purge on {@code closure.purgeOn()}. @return false when it is not open */
    boolean close(String spaceKey, Space.Closure closure);

    /**
     * Marks an open or closed space for deletion, its purge due on {@code closure.purgeOn()}.
     * @return false when its deletion was already asked (or its purge started)
     */
    boolean requestDeletion(String spaceKey, Space.Closure closure);

    /** Reopens a closed space, out of the purge schedule. @return false when it is not closed (open, or being deleted) */
    boolean reopen(String spaceKey);
}
