package fr.espacesante.domain.family;

import fr.espacesante.domain.access.AccessRequest;
import fr.espacesante.domain.access.Actor;
import fr.espacesante.domain.access.Resource;
import fr.espacesante.domain.access.SpaceAccessGuard;
import fr.espacesante.domain.family.Guardianship.ParentalAgreement;
import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.domain.family.port.out.Guardianships;
import fr.espacesante.domain.space.port.out.IdentityLinks;
import fr.espacesante.domain.space.port.out.PersonDirectory;
import fr.espacesante.domain.space.port.out.Spaces;
import fr.espacesante.domain.space.AttemptGuard;
import fr.espacesante.domain.space.IdentityVerification;
import fr.espacesante.domain.space.IdentityNotRecognisedException;
import fr.espacesante.domain.space.NotActivatedException;
import fr.espacesante.domain.space.RegisteredPerson;
import fr.espacesante.domain.space.Space;
import fr.espacesante.domain.space.SpaceActivation.IdentityProof;
import fr.espacesante.domain.space.SpaceNotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Minors (PRODUCT.md, "The life of a space" step 7): a signed-in, activated parent proves the
 * child's identity like an activation (NIR + birth date + birth name, same attempt limits), records
 * the other parent's agreement, and the child's space — created at once if needed — is attached to
 * that one parent, who then acts for the child as its legal representative until the child is 18.
 */
public final class MinorAttachment {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** What the parent declares about the other parent. */
    public record Agreement(ParentalAgreement kind, Optional<String> otherParentName) {
        public Agreement {
            if (kind == ParentalAgreement.OTHER_PARENT_AGREED && otherParentName.map(String::isBlank).orElse(true)) {
                throw new GuardianshipException(GuardianshipException.Reason.AGREEMENT_MISSING);
            }
            otherParentName = kind == ParentalAgreement.SOLE_PARENTAL_AUTHORITY ? Optional.empty()
                    : otherParentName.map(String::strip);
        }
    }

    private final NirProtection nirProtection;
    private final PersonDirectory persons;
    private final IdentityLinks links;
    private final Spaces spaces;
    private final Guardianships guardianships;
    private final SpaceAccessGuard guard;
    private final AttemptGuard attempts;
    private final Clock clock;

    public MinorAttachment(NirProtection nirProtection, PersonDirectory persons, IdentityLinks links, Spaces spaces,
                           Guardianships guardianships, SpaceAccessGuard guard, AttemptGuard attempts, Clock clock) {
        this.nirProtection = nirProtection;
        this.persons = persons;
        this.links = links;
        this.spaces = spaces;
        this.guardianships = guardianships;
        this.guard = guard;
        this.attempts = attempts;
        this.clock = clock;
    }

    /**
     * @throws NotActivatedException the parent has not activated their own space
     * @throws IdentityNotRecognisedException the same way for an unknown NIR and wrong details
     * @throws GuardianshipException the child is of age, or attached to the other parent
     */
    public Guardianship attach(String parentSubject, String clientId, IdentityProof child, Agreement agreement) {
        String parentKey = links.personKeyOf(parentSubject).orElseThrow(NotActivatedException::new);
        RegisteredPerson person = new IdentityVerification(nirProtection, persons, attempts)
                .recognise(parentSubject, clientId, child);
        Instant now = clock.instant();
        Guardianship guardianship = new Guardianship(parentKey, reference(parentKey, person.personKey()),
                person.personKey(), person.identity().firstNames(), person.identity().birthDate(), agreement.kind(),
                agreement.otherParentName(), now);
        if (guardianship.childOfAge(today()) || person.personKey().equals(parentKey)) {
            throw new GuardianshipException(GuardianshipException.Reason.NOT_A_MINOR);
        }
        spaces.createIfAbsent(Space.created(person.personKey(), now, Space.Creation.ACTIVATION, person.contact().email()));
        persons.markSpaceCreated(person.personKey(), now);
        if (guardianships.attach(guardianship) == Guardianships.AttachOutcome.ATTACHED_TO_ANOTHER_PARENT) {
            throw new GuardianshipException(GuardianshipException.Reason.ATTACHED_TO_ANOTHER_PARENT);
        }
        Space space = spaces.find(person.personKey()).orElseThrow(SpaceNotFoundException::new);
        guard.check(new AccessRequest(new Actor.LegalRepresentative(parentKey), space.access(),
                Resource.of(Resource.Kind.SPACE), AccessRequest.Action.WRITE, Optional.empty()), "rattachement");
        return guardianships.find(parentKey, guardianship.reference()).orElse(guardianship);
    }

    /** The children attached to this login's account (of age ones included, so the parent sees why). */
    public List<Guardianship> children(String parentSubject) {
        return guardianships.ofParent(links.personKeyOf(parentSubject).orElseThrow(NotActivatedException::new));
    }

    private LocalDate today() {
        return clock.instant().atZone(PARIS).toLocalDate();
    }

    /** 20 hex digits of SHA-256 over both person keys (themselves keyed hashes): stable and meaningless elsewhere. */
    static String reference(String parentKey, String childKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("enfant:" + parentKey + ":" + childKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
