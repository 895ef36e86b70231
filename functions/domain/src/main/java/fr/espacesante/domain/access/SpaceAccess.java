package fr.espacesante.domain.access;

import java.util.Set;

/**
 * What the patient decided about access to their space.
 *
 * @param ownerKey the person key of the space's owner
 * @param legalRepresentatives person keys of the parents the (minor's) space is attached to
 * @param treatingDoctorRpps the designated médecin traitant, or null
 * @param consentedRpps professionals authorised by consent recorded at the point of care
 * @param blockedRpps professionals the patient blocked
 * @param emergencyAccessEnabled false when the patient turned emergency access off
 * @param closed the owner closed the space (or asked for its deletion): no one else may act in it
 * @param caregivers person keys of the caregivers (« aidants ») the patient named
 */
public record SpaceAccess(String ownerKey, Set<String> legalRepresentatives, String treatingDoctorRpps,
                          Set<String> consentedRpps, Set<String> blockedRpps, boolean emergencyAccessEnabled,
                          boolean closed, Set<String> caregivers) {

    /** An open space's access decisions, without caregivers. */
    public SpaceAccess(String ownerKey, Set<String> legalRepresentatives, String treatingDoctorRpps,
                       Set<String> consentedRpps, Set<String> blockedRpps, boolean emergencyAccessEnabled) {
        this(ownerKey, legalRepresentatives, treatingDoctorRpps, consentedRpps, blockedRpps, emergencyAccessEnabled, false,
                Set.of());
    }

    public SpaceAccess {
        legalRepresentatives = Set.copyOf(legalRepresentatives);
        consentedRpps = Set.copyOf(consentedRpps);
        blockedRpps = Set.copyOf(blockedRpps);
        caregivers = Set.copyOf(caregivers);
    }

    /** A new space: its owner only, emergency access on (the patient may turn it off). */
    public static SpaceAccess ownedBy(String ownerKey) {
        return new SpaceAccess(ownerKey, Set.of(), null, Set.of(), Set.of(), true);
    }

    boolean isTreatingDoctor(String rpps) {
        return rpps.equals(treatingDoctorRpps);
    }
}
