package fr.espacesante.domain.caregiver;

import fr.espacesante.domain.access.AccessEntry;
import fr.espacesante.domain.access.AccessRequest;
import fr.espacesante.domain.access.Actor;
import fr.espacesante.domain.access.Resource;
import fr.espacesante.domain.access.SpaceAccessGuard;
import fr.espacesante.domain.campaign.OneTimeCode;
import fr.espacesante.domain.caregiver.CaregiverException.Reason;
import fr.espacesante.domain.caregiver.port.out.Caregivers;
import fr.espacesante.domain.caregiver.port.out.DesignationProofs;
import fr.espacesante.domain.document.Author;
import fr.espacesante.domain.document.Document;
import fr.espacesante.domain.document.DocumentCategory;
import fr.espacesante.domain.document.DocumentStatus;
import fr.espacesante.domain.document.DocumentType;
import fr.espacesante.domain.document.port.out.DocumentCatalog;
import fr.espacesante.domain.document.port.out.DocumentStorage;
import fr.espacesante.domain.mail.port.out.Mailer;
import fr.espacesante.domain.space.AttemptGuard;
import fr.espacesante.domain.space.BirthName;
import fr.espacesante.domain.space.NotActivatedException;
import fr.espacesante.domain.space.RegisteredPerson;
import fr.espacesante.domain.space.Space;
import fr.espacesante.domain.space.SpaceNotFoundException;
import fr.espacesante.domain.space.port.out.IdentityLinks;
import fr.espacesante.domain.space.port.out.PersonDirectory;
import fr.espacesante.domain.space.port.out.Spaces;
import fr.espacesante.domain.text.Digests;
import fr.espacesante.domain.text.TypedText;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Caregivers (« aidants », offered by « Mon espace santé » since 2024): the patient names up to 3 adults,
 * each invited by e-mail with a code valid 30 days; the invited person accepts while signed in with
 * their own, activated identity, and only if the registry name matches the invitation's; a caregiver
 * helps 5 people at most. Either side ends it at any time, effective at once. The designation is in
 * the patient's history, and its proof (a PDF) is filed among the patient's documents.
 */
public final class CaregiverDesignation {

    public static final int MAX_CAREGIVERS = 3;
    public static final int MAX_HELPED = 5;
    public static final int INVITATION_DAYS = 30;
    private static final int ADULT = 18;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Who the patient named, and the invitations neither accepted nor revoked (pending or expired). */
    public record Overview(List<Designation> caregivers, List<Invitation> invitations) {
    }

    /** What the invited person typed: the invitation's e-mail, names. */
    public record Invitee(String lastName, String firstNames, String email) {
    }

    private final Caregivers caregivers;
    private final Spaces spaces;
    private final PersonDirectory persons;
    private final IdentityLinks links;
    private final SpaceAccessGuard guard;
    private final Mailer mailer;
    private final OneTimeCode codes;
    private final CaregiverNotices notices;
    private final DocumentCatalog catalog;
    private final DocumentStorage storage;
    private final DesignationProofs proofs;
    private final AttemptGuard attempts;
    private final Clock clock;

    public CaregiverDesignation(Caregivers caregivers, Spaces spaces, PersonDirectory persons, IdentityLinks links,
                                SpaceAccessGuard guard, Mailer mailer, OneTimeCode codes,
                                CaregiverNotices notices, DocumentCatalog catalog, DocumentStorage storage,
                                DesignationProofs proofs, AttemptGuard attempts, Clock clock) {
        this.caregivers = caregivers;
        this.spaces = spaces;
        this.persons = persons;
        this.links = links;
        this.guard = guard;
        this.mailer = mailer;
        this.codes = codes;
        this.notices = notices;
        this.catalog = catalog;
        this.storage = storage;
        this.proofs = proofs;
        this.attempts = attempts;
        this.clock = clock;
    }

    /** @throws CaregiverException 3 caregivers already named or invited */
    public Invitation invite(Actor actor, String spaceKey, Invitee invitee) {
        // A minor's parents act for them already; a caregiver named by a parent would outlast the parent's
        // access at 18 and see what is hidden from the parents.
        if (actor instanceof Actor.LegalRepresentative || isMinor(spaceKey)) {
            throw new CaregiverException(Reason.NOT_FOR_MINORS);
        }
        allowed(actor, spaceKey, AccessRequest.Action.ADD, "invitation-aidant");
        String lastName = TypedText.line(invitee.lastName(), "nom", 100);
        String firstNames = TypedText.line(invitee.firstNames(), "prenoms", 100);
        LocalDate today = today();
        long pending = caregivers.invitations(spaceKey).stream().filter(i -> i.usableOn(today)).count();
        if (caregivers.of(spaceKey).size() + pending >= MAX_CAREGIVERS) {
            throw new CaregiverException(Reason.TOO_MANY_CAREGIVERS);
        }
        String invitationId = UUID.randomUUID().toString();
        String code = codes.codeFor(spaceKey, "aidant-" + invitationId);
        Invitation invitation = new Invitation(spaceKey, invitationId, lastName, firstNames, invitee.email(),
                codes.lookupHash(code), today.plusDays(INVITATION_DAYS), Invitation.State.PENDING, clock.instant());
        caregivers.invite(invitation);
        String patientFirstNames = persons.find(spaceKey).map(p -> p.identity().firstNames()).orElse("Un proche");
        mailer.send(notices.invitation(invitee.email(), patientFirstNames, code, invitation.validUntil()));
        return invitation;
    }

    public Overview overview(Actor actor, String spaceKey) {
        allowed(actor, spaceKey, AccessRequest.Action.READ, "aidants");
        LocalDate today = today();
        return new Overview(caregivers.of(spaceKey), caregivers.invitations(spaceKey).stream()
                .filter(i -> i.state() == Invitation.State.PENDING).map(i -> i.on(today)).toList());
    }

    public void revokeInvitation(Actor actor, String spaceKey, String invitationId) {
        allowed(actor, spaceKey, AccessRequest.Action.WRITE, "invitation-aidant");
        if (!caregivers.revokeInvitation(spaceKey, invitationId)) {
            throw new CaregiverException(Reason.UNKNOWN);
        }
    }

    /** The patient ends a designation: the caregiver loses access at once. */
    public void revoke(Actor actor, String spaceKey, String reference) {
        allowed(actor, spaceKey, AccessRequest.Action.WRITE, "aidant");
        Designation designation = caregivers.of(spaceKey).stream().filter(d -> d.reference().equals(reference))
                .findFirst().orElseThrow(() -> new CaregiverException(Reason.UNKNOWN));
        if (!caregivers.revoke(designation)) {
            throw new CaregiverException(Reason.UNKNOWN);
        }
    }

    /**
     * The invited person accepts with the code, signed in with their own identity (activated: proved by
     * the activation identity check).
     *
     * @throws NotActivatedException the login is not linked to a person yet
     * @throws CaregiverException unknown, expired, revoked or not addressed to them; themself; a minor; limits
     */
    public Designation accept(String subject, String clientId, String typedCode) {
        String caregiverKey = links.personKeyOf(subject).orElseThrow(NotActivatedException::new);
        // Guessing invitation codes counts against the same limits as activation codes.
        List<String> attemptKeys = fr.espacesante.domain.space.SpaceActivation.attemptKeys(subject, clientId);
        attempts.ensureAllowed(attemptKeys);
        LocalDate today = today();
        Optional<Invitation> found = Optional.of(typedCode).filter(OneTimeCode::wellFormed).map(codes::lookupHash)
                .flatMap(caregivers::invitationByCodeHash).filter(i -> i.usableOn(today));
        RegisteredPerson caregiver = persons.find(caregiverKey).orElseThrow(NotActivatedException::new);
        if (found.isEmpty() || !BirthName.matches(found.get().lastName(), caregiver.identity().lastName())) {
            attempts.failed(attemptKeys);
            throw new CaregiverException(Reason.INVITATION_INVALID);
        }
        Invitation invitation = found.get();
        if (invitation.patientKey().equals(caregiverKey)) {
            throw new CaregiverException(Reason.SELF);
        }
        if (caregiver.identity().birthDate().plusYears(ADULT).isAfter(today)) {
            throw new CaregiverException(Reason.MINOR);
        }
        if (isMinor(invitation.patientKey())) {
            throw new CaregiverException(Reason.NOT_FOR_MINORS);
        }
        String patientName = persons.find(invitation.patientKey()).map(CaregiverDesignation::name).orElse("");
        Instant now = clock.instant();
        Designation designation = new Designation(invitation.patientKey(), caregiverKey,
                reference(invitation.patientKey(), caregiverKey), name(caregiver), patientName, now);
        // The acceptance and its history entry are one transaction: no access without its record.
        AccessEntry recorded = new AccessEntry(invitation.patientKey(), now, "AIDANT", caregiverKey, designation.caregiverName(),
                null, Resource.Kind.CAREGIVERS.name(), "acceptation", AccessRequest.Action.ADD.name(), "aidant", true,
                Optional.empty());
        switch (caregivers.accept(invitation, designation, recorded)) {
            case ACCEPTED -> { }
            case INVITATION_GONE -> throw new CaregiverException(Reason.INVITATION_INVALID);
            case ALREADY_CAREGIVER -> throw new CaregiverException(Reason.ALREADY);
            case PATIENT_HAS_THREE -> throw new CaregiverException(Reason.TOO_MANY_CAREGIVERS);
            case CAREGIVER_HELPS_FIVE -> throw new CaregiverException(Reason.HELPS_TOO_MANY);
            case SPACE_CLOSED -> throw new CaregiverException(Reason.SPACE_CLOSED);
        }
        fileProof(designation);
        spaces.find(invitation.patientKey()).flatMap(Space::email)
                .ifPresent(email -> mailer.send(notices.accepted(email, designation.caregiverName())));
        return designation;
    }

    /** The caregiver stops helping: effective at once, recorded in the patient's history. */
    public void withdraw(String subject, String reference) {
        String caregiverKey = links.personKeyOf(subject).orElseThrow(NotActivatedException::new);
        Designation designation = caregivers.find(caregiverKey, reference)
                .orElseThrow(() -> new CaregiverException(Reason.UNKNOWN));
        AccessEntry recorded = new AccessEntry(designation.patientKey(), clock.instant(), "AIDANT", caregiverKey,
                designation.caregiverName(), null, Resource.Kind.CAREGIVERS.name(), "retrait", AccessRequest.Action.WRITE.name(),
                "aidant", true, Optional.empty());
        if (!caregivers.revoke(designation, recorded)) {
            throw new CaregiverException(Reason.UNKNOWN);
        }
    }

    /** The people this signed-in person helps. */
    public List<Designation> helped(String subject) {
        String caregiverKey = links.personKeyOf(subject).orElseThrow(NotActivatedException::new);
        return caregivers.helpedBy(caregiverKey);
    }

    /** The proof of designation, among the patient's documents (category « autre »), written by the service. */
    private void fileProof(Designation designation) {
        byte[] pdf = proofs.render(designation);
        Document proof = new Document(designation.patientKey(), UUID.randomUUID().toString(), DocumentCategory.OTHER,
                Optional.empty(), today(), new Author(Author.Kind.PATIENT, null, "Espace Santé", null),
                "Attestation de désignation d'un aidant — " + designation.caregiverName(), DocumentType.PDF, pdf.length,
                DocumentStatus.PENDING, Optional.empty(), Optional.empty(), false, false, false, clock.instant(),
                Optional.empty());
        catalog.createPending(proof);
        storage.storeChecked(proof.checkedKey(), DocumentType.PDF, pdf);
        catalog.markAvailable(proof, Digests.sha256Hex(pdf));
    }

    private Space allowed(Actor actor, String spaceKey, AccessRequest.Action action, String element) {
        Space space = spaces.find(spaceKey).orElseThrow(SpaceNotFoundException::new);
        guard.require(new AccessRequest(actor, space.access(), Resource.of(Resource.Kind.CAREGIVERS),
                action, Optional.empty()), element);
        return space;
    }

    /** Derived from both keys: the same designation always has the same reference; it reveals neither key. */
    static String reference(String patientKey, String caregiverKey) {
        return Digests.sha256Hex((patientKey + "|" + caregiverKey).getBytes(StandardCharsets.UTF_8)).substring(0, 24);
    }

    private boolean isMinor(String personKey) {
        return persons.find(personKey).map(p -> p.identity().birthDate().plusYears(ADULT).isAfter(today())).orElse(false);
    }

    private static String name(RegisteredPerson person) {
        return person.identity().firstNames() + " " + person.identity().lastName();
    }

    private LocalDate today() {
        return clock.instant().atZone(PARIS).toLocalDate();
    }
}
