package fr.espacesante.domain.catalogue;

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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The patient (a parent for a child, a caregiver for the person helped) connects a service of the
 * catalogue for chosen purposes, having seen what it reads and what it writes; revokes it at once;
 * re-approves when the service asks for more. The grant and its history entry are written together.
 */
public final class ServiceConnections {

    /** A connected service as the access page shows it. */
    public record Connected(Grant grant, ReferencedService service, Grant.Effective effective) {
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final Catalogue catalogue;
    private final Grants grants;
    private final Spaces spaces;
    private final SpaceAccessGuard guard;
    private final Clock clock;
    private final Duration reapprovalDelay;

    public ServiceConnections(Catalogue catalogue, Grants grants, Spaces spaces, SpaceAccessGuard guard, Clock clock,
                              Duration reapprovalDelay) {
        this.catalogue = catalogue;
        this.grants = grants;
        this.spaces = spaces;
        this.guard = guard;
        this.clock = clock;
        this.reapprovalDelay = reapprovalDelay;
    }

    /** Connects (or re-approves) a service for these purposes: it may then read and write what they ask, as they ask it now. */
    public Connected connect(Actor actor, String spaceKey, String serviceId, Set<Purpose> purposes) {
        ReferencedService service = catalogue.find(serviceId).orElseThrow(() -> new CatalogueException(Reason.UNKNOWN_SERVICE));
        if (service.state() != ReferencedService.State.ONLINE) {
            throw new CatalogueException(Reason.SERVICE_NOT_ONLINE);
        }
        if (purposes.isEmpty()) {
            throw new CatalogueException(Reason.NO_PURPOSE);
        }
        Set<DataScope> read = new HashSet<>();
        Set<DataScope> write = new HashSet<>();
        for (Purpose purpose : purposes) {
            ReferencedService.Access access = service.purposes().get(purpose);
            if (access == null) {
                throw new CatalogueException(Reason.PURPOSE_NOT_OFFERED);
            }
            read.addAll(access.read());
            write.addAll(access.write());
        }
        Space space = spaces.find(spaceKey).orElseThrow(SpaceNotFoundException::new);
        Optional<Grant> current = grants.find(spaceKey, serviceId);
        // Connecting adds; changing a grant in force (re-approving, other purposes) manages it: a caregiver
        // may do the first, not the second, as they add to the record but do not change it.
        var allowed = guard.allowWithEntry(new AccessRequest(actor, space.access(), Resource.of(Resource.Kind.SERVICES),
                current.isPresent() ? Action.WRITE : Action.ADD, Optional.empty()), "services/" + serviceId);
        // Re-approving keeps the pseudonym: the service goes on knowing the same (pseudonymous) patient.
        String pseudonym = current.map(Grant::pseudonym).orElseGet(ServiceConnections::newPseudonym);
        Grant grant = new Grant(spaceKey, serviceId, pseudonym, purposes, read, write, service.version(), clock.instant(),
                actor.enteredBy(), Optional.empty());
        if (!grants.save(grant, current.isPresent(), allowed.entry())) {
            throw new CatalogueException(Reason.CHANGED_MEANWHILE);
        }
        return new Connected(grant, service, grant.effective(service, clock.instant(), reapprovalDelay));
    }

    public void revoke(Actor actor, String spaceKey, String serviceId) {
        Space space = spaces.find(spaceKey).orElseThrow(SpaceNotFoundException::new);
        var allowed = guard.allowWithEntry(new AccessRequest(actor, space.access(), Resource.of(Resource.Kind.SERVICES), Action.WRITE,
                Optional.empty()), "services/" + serviceId);
        Grant grant = grants.find(spaceKey, serviceId).orElseThrow(() -> new CatalogueException(Reason.NOT_CONNECTED));
        if (!grants.revoke(new Grant(grant.spaceKey(), grant.serviceId(), grant.pseudonym(), grant.purposes(), grant.read(),
                grant.write(), grant.acceptedVersion(), grant.grantedAt(), grant.grantedBy(), Optional.of(clock.instant())),
                allowed.entry())) {
            throw new CatalogueException(Reason.NOT_CONNECTED);
        }
    }

    public List<Connected> connected(Actor actor, String spaceKey) {
        Space space = spaces.find(spaceKey).orElseThrow(SpaceNotFoundException::new);
        guard.require(new AccessRequest(actor, space.access(), Resource.of(Resource.Kind.SERVICES), Action.READ,
                Optional.empty()), "services");
        return grants.of(spaceKey).stream().flatMap(g -> catalogue.find(g.serviceId()).stream()
                .map(s -> new Connected(g, s, g.effective(s, clock.instant(), reapprovalDelay)))).toList();
    }

    /** 128 random bits, base64url: short enough to sit in a FHIR id with another one beside it. */
    private static String newPseudonym() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}
