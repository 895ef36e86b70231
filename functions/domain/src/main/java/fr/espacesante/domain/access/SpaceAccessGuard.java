package fr.espacesante.domain.access;

import fr.espacesante.domain.access.port.out.AccessHistory;
import java.time.Clock;
import java.util.Optional;

/**
 * What every function calls before touching a space: the policy decides, and the decision —
 * allowed or refused — is appended to the space's access history before anything else happens.
 */
public final class SpaceAccessGuard {

    private final AccessPolicy policy;
    private final AccessHistory history;
    private final Clock clock;

    public SpaceAccessGuard(AccessPolicy policy, AccessHistory history, Clock clock) {
        this.policy = policy;
        this.history = history;
        this.clock = clock;
    }

    /**
     * @param resourceId what is accessed within the space (a document id, "profil"...), for the history
     */
    public AccessDecision check(AccessRequest request, String resourceId) {
        AccessDecision decision = policy.decide(request);
        history.append(AccessEntry.of(request, resourceId, decision, clock.instant()));
        return decision;
    }

    /**
     * Like {@link #check}, for a caller that goes on only if allowed.
     *
     * @throws AccessRefusedException refused (and recorded)
     */
    public AccessDecision require(AccessRequest request, String resourceId) {
        AccessDecision decision = check(request, resourceId);
        if (!decision.allowed()) {
            throw new AccessRefusedException(decision);
        }
        return decision;
    }

    /** An allowed decision and the history entry that records it, to be written with the change it allows. */
    public record Allowed(AccessDecision decision, AccessEntry entry) {
    }

    /**
     * Like {@link #check}, for a change the caller writes in one transaction with its history entry:
     * a refusal is recorded here at once and thrown; an allowance is returned with its entry, which
     * the caller must write atomically with the change (so no change is ever without its record).
     *
     * @throws AccessRefusedException refused (and recorded)
     */
    public Allowed allowWithEntry(AccessRequest request, String resourceId) {
        AccessDecision decision = policy.decide(request);
        AccessEntry entry = AccessEntry.of(request, resourceId, decision, clock.instant());
        if (!decision.allowed()) {
            history.append(entry);
            throw new AccessRefusedException(decision);
        }
        return new Allowed(decision, entry);
    }

    /**
     * Like {@link #check}, for a request built on a snapshot of the space at {@code spaceVersion}:
     * the decision is recorded, and returned, only if the space is still at that version.
     *
     * @return empty when the space has changed since the snapshot: decide again on the space as it is now
     */
    public Optional<AccessDecision> checkIfSpaceAt(AccessRequest request, String resourceId, long spaceVersion) {
        AccessDecision decision = policy.decide(request);
        return history.appendIfSpaceAt(AccessEntry.of(request, resourceId, decision, clock.instant()), spaceVersion)
                ? Optional.of(decision) : Optional.empty();
    }
}
