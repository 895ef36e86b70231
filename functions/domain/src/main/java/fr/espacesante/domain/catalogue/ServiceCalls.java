package fr.espacesante.domain.catalogue;

import fr.espacesante.domain.access.AccessRefusedException;
import fr.espacesante.domain.access.AccessRequest;
import fr.espacesante.domain.access.AccessRequest.Action;
import fr.espacesante.domain.access.Actor;
import fr.espacesante.domain.access.Resource;
import fr.espacesante.domain.access.SpaceAccessGuard;
import fr.espacesante.domain.catalogue.CatalogueException.Reason;
import fr.espacesante.domain.catalogue.port.out.Catalogue;
import fr.espacesante.domain.catalogue.port.out.Grants;
import fr.espacesante.domain.space.Space;
import fr.espacesante.domain.space.SpaceNotFoundException;
import fr.espacesante.domain.space.port.out.Spaces;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Every call of a connected service (the FHIR API) decided by the access policy under the rule
 * {@code service-catalogue} and recorded in the patient's history with the service's name and
 * purposes: the patient is found by the pseudonym the service knows, the catalogue says whether the
 * service is online, the grant as it stands and the token's SMART scopes say whether this data may
 * be read or written. A refusal is recorded too.
 */
public final class ServiceCalls {

    /** An allowed call: whose space, under which grant. */
    public record Authorized(String spaceKey, Grant grant, ReferencedService service) {
    }

    private final Catalogue catalogue;
    private final Grants grants;
    private final Spaces spaces;
    private final SpaceAccessGuard guard;
    private final Clock clock;
    private final Duration reapprovalDelay;

    public ServiceCalls(Catalogue catalogue, Grants grants, Spaces spaces, SpaceAccessGuard guard, Clock clock,
                        Duration reapprovalDelay) {
        this.catalogue = catalogue;
        this.grants = grants;
        this.spaces = spaces;
        this.guard = guard;
        this.clock = clock;
        this.reapprovalDelay = reapprovalDelay;
    }

    /**
     * @param data the data the call reads or writes; empty for the pseudonymous patient itself
     * @param requiredScope the SMART scope the call needs (e.g. {@code patient/Observation.rs})
     * @throws CatalogueException a pseudonym this service does not know (nothing to record: no space is named)
     * @throws AccessRefusedException refused, and recorded
     */
    public Authorized authorize(String serviceId, Set<String> tokenScopes, String pseudonym, Resource resource, Action action,
                                Optional<DataScope> data, String requiredScope, String element) {
        Grant grant = grants.byPseudonym(pseudonym).orElseThrow(() -> new CatalogueException(Reason.NOT_CONNECTED));
        if (!grant.serviceId().equals(serviceId)) {
            // Another service's pseudonym: the attempt is in the patient's history, the answer says no more than for an unknown one.
            spaces.find(grant.spaceKey()).ifPresent(space -> guard.check(new AccessRequest(new Actor.Service(serviceId,
                    catalogue.find(serviceId).map(ReferencedService::name).orElse(serviceId), "", true, false), space.access(), resource,
                    action, Optional.empty()), element));
            throw new CatalogueException(Reason.NOT_CONNECTED);
        }
        ReferencedService service = catalogue.find(serviceId).orElseThrow(() -> new CatalogueException(Reason.UNKNOWN_SERVICE));
        Grant.Effective effective = grant.effective(service, clock.instant(), reapprovalDelay);
        boolean scoped = tokenScopes.contains(requiredScope);
        boolean granted = effective.standing() == Grant.Standing.CURRENT || effective.standing() == Grant.Standing.REAPPROVAL_NEEDED;
        boolean covered = data.map(d -> action == Action.READ ? effective.read().contains(d) : effective.write().contains(d))
                .orElse(granted);
        Actor.Service actor = new Actor.Service(serviceId, service.name(), grant.purposesLabel(),
                service.state() == ReferencedService.State.ONLINE, scoped && granted && covered);
        Space space = spaces.find(grant.spaceKey()).orElseThrow(SpaceNotFoundException::new);
        guard.require(new AccessRequest(actor, space.access(), resource, action, Optional.empty()), element);
        return new Authorized(grant.spaceKey(), grant, service);
    }
}
