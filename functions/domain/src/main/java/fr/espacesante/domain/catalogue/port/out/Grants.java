package fr.espacesante.domain.catalogue.port.out;

import fr.espacesante.domain.access.AccessEntry;
import fr.espacesante.domain.catalogue.Grant;
import java.util.List;
import java.util.Optional;

/** The services each space connected, found by space or by the pseudonym a service knows the patient by. */
public interface Grants {

    /**
     * Stores a grant with the history entry that records it, atomically: a new one only if its
     * pseudonym is new, a replacing one (re-approval) only if the grant is still in force.
     *
     * @return false when it changed meanwhile (revoked while being re-approved): nothing stored
     */
    boolean save(Grant grant, boolean replacing, AccessEntry recorded);

    /** The space's grant to this service still in force (not revoked). */
    Optional<Grant> find(String spaceKey, String serviceId);

    /** The grant a pseudonym was given by, revoked or not. */
    Optional<Grant> byPseudonym(String pseudonym);

    /** The space's grants still in force. */
    List<Grant> of(String spaceKey);

    /** Revokes at once, both copies. @return false when it was not in force any more */
    boolean revoke(Grant grant, AccessEntry recorded);
}
