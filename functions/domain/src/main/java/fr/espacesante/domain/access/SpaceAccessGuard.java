package fr.espacesante.domain.access;

import fr.espacesante.domain.port.out.AccessHistory;
import java.time.Clock;

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
}
