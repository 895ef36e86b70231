package fr.espacesante.domain.access;

import fr.espacesante.domain.access.AccessRequest.Action;
import fr.espacesante.domain.access.port.out.AccessHistory;
import fr.espacesante.domain.space.port.out.Spaces;
import fr.espacesante.domain.space.NotificationPreferences;
import fr.espacesante.domain.space.Space;
import fr.espacesante.domain.space.SpaceNotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the patient (or a parent acting for a minor) decides about access to their space: treating
 * doctor, blocked professionals, consents, emergency access; and what they read: who has access,
 * the access history. Each call is decided by the policy and recorded before anything happens.
 */
public final class AccessSettings {

    /** A professional who currently has access, and the rule under which. */
    public record CurrentAccess(String rpps, String label, AccessRule rule) {
    }

    /** Who has access now, who is blocked, and whether emergency access is on. */
    public record AccessOverview(List<CurrentAccess> professionals, List<CurrentAccess> blocked,
                                 boolean emergencyAccessEnabled) {
    }

    private final Spaces spaces;
    private final SpaceAccessGuard guard;
    private final AccessHistory history;

    public AccessSettings(Spaces spaces, SpaceAccessGuard guard, AccessHistory history) {
        this.spaces = spaces;
        this.guard = guard;
        this.history = history;
    }

    public Space space(Actor actor, String spaceKey) {
        return allowed(actor, spaceKey, Resource.Kind.LIFECYCLE, Action.READ, "espace");
    }

    public void updateContact(Actor actor, String spaceKey, Optional<String> email, NotificationPreferences preferences) {
        allowed(actor, spaceKey, Resource.Kind.SETTINGS, Action.WRITE, "coordonnees");
        spaces.updateContact(spaceKey, email, preferences);
    }

    public void designateTreatingDoctor(Actor actor, String spaceKey, String rpps) {
        InvalidRppsException.require(rpps);
        Space space = allowed(actor, spaceKey, Resource.Kind.SETTINGS, Action.WRITE, "medecin-traitant");
        if (space.access().blockedRpps().contains(rpps)) {
            throw new SettingConflictException(SettingConflictException.Reason.TREATING_DOCTOR_BLOCKED);
        }
        spaces.setTreatingDoctor(spaceKey, Optional.of(rpps), Optional.ofNullable(space.professionals().get(rpps)));
    }

    public void removeTreatingDoctor(Actor actor, String spaceKey) {
        allowed(actor, spaceKey, Resource.Kind.SETTINGS, Action.WRITE, "medecin-traitant");
        spaces.setTreatingDoctor(spaceKey, Optional.empty(), Optional.empty());
    }

    /** Blocking wins over everything else, including being the treating doctor or holding a consent. */
    public void block(Actor actor, String spaceKey, String rpps) {
        InvalidRppsException.require(rpps);
        allowed(actor, spaceKey, Resource.Kind.SETTINGS, Action.WRITE, "professionnels-bloques");
        spaces.block(spaceKey, rpps);
    }

    public void unblock(Actor actor, String spaceKey, String rpps) {
        InvalidRppsException.require(rpps);
        allowed(actor, spaceKey, Resource.Kind.SETTINGS, Action.WRITE, "professionnels-bloques");
        spaces.unblock(spaceKey, rpps);
    }

    public void revokeConsent(Actor actor, String spaceKey, String rpps) {
        InvalidRppsException.require(rpps);
        allowed(actor, spaceKey, Resource.Kind.CONSENT, Action.WRITE, "consentements");
        spaces.revokeConsent(spaceKey, rpps);
    }

    public void setEmergencyAccess(Actor actor, String spaceKey, boolean enabled) {
        allowed(actor, spaceKey, Resource.Kind.SETTINGS, Action.WRITE, "acces-urgence");
        spaces.setEmergencyAccess(spaceKey, enabled);
    }

    /** The professionals who can open the space now, and why; blocked ones are listed apart. */
    public AccessOverview whoHasAccess(Actor actor, String spaceKey) {
        Space space = allowed(actor, spaceKey, Resource.Kind.SETTINGS, Action.READ, "acces");
        SpaceAccess access = space.access();
        List<CurrentAccess> current = new ArrayList<>();
        if (access.treatingDoctorRpps() != null && !access.blockedRpps().contains(access.treatingDoctorRpps())) {
            current.add(new CurrentAccess(access.treatingDoctorRpps(), space.professionalLabel(access.treatingDoctorRpps()),
                    AccessRule.TREATING_DOCTOR));
        }
        access.consentedRpps().stream()
                .filter(rpps -> !access.blockedRpps().contains(rpps) && !rpps.equals(access.treatingDoctorRpps()))
                .sorted()
                .forEach(rpps -> current.add(new CurrentAccess(rpps, space.professionalLabel(rpps), AccessRule.CONSENT)));
        List<CurrentAccess> blocked = access.blockedRpps().stream().sorted()
                .map(rpps -> new CurrentAccess(rpps, space.professionalLabel(rpps), AccessRule.BLOCKED))
                .sorted(Comparator.comparing(CurrentAccess::rpps))
                .toList();
        return new AccessOverview(current, blocked, access.emergencyAccessEnabled());
    }

    /** The space's access history, newest first; reading it is itself recorded. */
    public AccessHistory.Page history(Actor actor, String spaceKey, AccessHistory.Filter filter, int limit,
                                      Optional<String> cursor) {
        allowed(actor, spaceKey, Resource.Kind.ACCESS_HISTORY, Action.READ, "historique");
        return history.list(spaceKey, filter, limit, cursor);
    }

    private Space allowed(Actor actor, String spaceKey, Resource.Kind kind, Action action, String resourceId) {
        Space space = spaces.find(spaceKey).orElseThrow(SpaceNotFoundException::new);
        guard.require(new AccessRequest(actor, space.access(), Resource.of(kind), action,
                Optional.empty()), resourceId);
        return space;
    }
}
