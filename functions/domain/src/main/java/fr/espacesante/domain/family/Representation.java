package fr.espacesante.domain.family;

import fr.espacesante.domain.access.Actor;
import fr.espacesante.domain.caregiver.CaregiverException;
import fr.espacesante.domain.caregiver.Designation;
import fr.espacesante.domain.caregiver.port.out.Caregivers;
import fr.espacesante.domain.family.port.out.Guardianships;
import fr.espacesante.domain.space.port.out.IdentityLinks;
import fr.espacesante.domain.space.NotActivatedException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Who acts, in which space, for a signed-in citizen: in their own space as its owner; when the request
 * names one of their children ({@code ?enfant=reference}), in the child's space as its legal
 * representative, until the child is 18; when it names a person they help ({@code ?aide=reference}),
 * in that person's space as their caregiver. The access policy then decides what each may do.
 */
public final class Representation {

    /** The actor to hand to the policy and the space it acts in. */
    public record Acting(Actor actor, String spaceKey) {
    }

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final IdentityLinks links;
    private final Guardianships guardianships;
    private final Caregivers caregivers;
    private final Clock clock;

    public Representation(IdentityLinks links, Guardianships guardianships, Caregivers caregivers, Clock clock) {
        this.links = links;
        this.guardianships = guardianships;
        this.caregivers = caregivers;
        this.clock = clock;
    }

    /**
     * @param helpedReference names a person this citizen helps as caregiver; never together with a child
     * @throws CaregiverException the reference names no one this person helps (any more)
     */
    public Acting actingIn(String subject, Optional<String> childReference, Optional<String> helpedReference) {
        if (helpedReference.isEmpty()) {
            return actingIn(subject, childReference);
        }
        if (childReference.isPresent()) {
            throw new GuardianshipException(GuardianshipException.Reason.UNKNOWN_CHILD);
        }
        String personKey = links.personKeyOf(subject).orElseThrow(NotActivatedException::new);
        Designation designation = caregivers.find(personKey, helpedReference.get())
                .orElseThrow(() -> new CaregiverException(CaregiverException.Reason.UNKNOWN));
        return new Acting(new Actor.Caregiver(personKey, designation.caregiverName()), designation.patientKey());
    }

    /**
     * @param subject the citizen login ({@code sub}), linked to a person at activation
     * @throws NotActivatedException the login is linked to no one yet
     * @throws GuardianshipException the reference names no child of this person, or the child is of age
     */
    public Acting actingIn(String subject, Optional<String> childReference) {
        String personKey = links.personKeyOf(subject).orElseThrow(NotActivatedException::new);
        if (childReference.isEmpty()) {
            return new Acting(new Actor.Patient(personKey), personKey);
        }
        Guardianship guardianship = guardianships.find(personKey, childReference.get())
                .orElseThrow(() -> new GuardianshipException(GuardianshipException.Reason.UNKNOWN_CHILD));
        if (cameOfAge(guardianship)) {
            throw new GuardianshipException(GuardianshipException.Reason.CHILD_OF_AGE);
        }
        return new Acting(new Actor.LegalRepresentative(personKey), guardianship.childKey());
    }

    /** True once the child is 18 (in Paris time): the parent can no longer act for them. */
    public boolean cameOfAge(Guardianship guardianship) {
        return guardianship.childOfAge(LocalDate.now(clock.withZone(PARIS)));
    }
}
