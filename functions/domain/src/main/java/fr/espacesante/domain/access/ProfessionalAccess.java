package fr.espacesante.domain.access;

import fr.espacesante.domain.access.AccessRequest.Action;
import fr.espacesante.domain.nir.Nir;
import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.domain.mail.port.out.Mailer;
import fr.espacesante.domain.space.port.out.Spaces;
import fr.espacesante.domain.space.PatientNotices;
import fr.espacesante.domain.space.Space;
import fr.espacesante.domain.space.SpaceNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a professional does with a patient's space, addressing the patient by INS (the NIR-based
 * health identifier) as professional software does: open it (with a justification in an emergency),
 * declare the consent the patient gave at the point of care, and learn what the policy lets them see.
 */
public final class ProfessionalAccess {

    /** The resources a professional reads besides documents, in the order shown. */
    private static final List<Resource.Kind> READABLE = List.of(Resource.Kind.PROFILE, Resource.Kind.MESSAGES,
            Resource.Kind.AGENDA, Resource.Kind.DOCUMENT);

    /** The recorded decision to open the space, and what that lets the professional read (not recorded: no data read). */
    public record SpaceOpening(AccessDecision opening, Map<Resource.Kind, AccessDecision> readable) {
    }

    private final NirProtection nirProtection;
    private final Spaces spaces;
    private final SpaceAccessGuard guard;
    private final AccessPolicy policy;
    private final Mailer mailer;
    private final PatientNotices notices;
    private final Clock clock;

    public ProfessionalAccess(NirProtection nirProtection, Spaces spaces, SpaceAccessGuard guard, AccessPolicy policy,
                              Mailer mailer, PatientNotices notices, Clock clock) {
        this.nirProtection = nirProtection;
        this.spaces = spaces;
        this.guard = guard;
        this.policy = policy;
        this.mailer = mailer;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * Opens the patient's space. An emergency opening (justification given, emergency setting) that
     * the policy allows is told to the patient by e-mail at once.
     *
     * @throws AccessRefusedException refused (and recorded)
     */
    public SpaceOpening open(Actor.Professional professional, Nir ins, Optional<String> emergencyJustification) {
        Space space = spaceOf(ins);
        AccessDecision opening = guard.require(new AccessRequest(professional, space.access(),
                Resource.of(Resource.Kind.SPACE), Action.READ, emergencyJustification), "espace");
        if (opening.rule() == AccessRule.EMERGENCY) {
            tellPatientOfEmergency(space, clock.instant());
        }
        Map<Resource.Kind, AccessDecision> readable = new LinkedHashMap<>();
        for (Resource.Kind kind : READABLE) {
            Resource resource = kind == Resource.Kind.DOCUMENT ? Resource.document(null, false, false, false)
                    : Resource.of(kind);
            readable.put(kind, policy.decide(new AccessRequest(professional, space.access(), resource, Action.READ,
                    emergencyJustification)));
        }
        return new SpaceOpening(opening, readable);
    }

    /**
     * Records that the patient consented, at the point of care, to this professional accessing their space.
     *
     * @throws AccessRefusedException a blocked or unverified professional (recorded)
     */
    public AccessDecision declareConsent(Actor.Professional professional, Nir ins) {
        Space space = spaceOf(ins);
        AccessDecision decision = guard.require(new AccessRequest(professional, space.access(),
                Resource.of(Resource.Kind.CONSENT), Action.WRITE, Optional.empty()), "consentement");
        spaces.addConsent(space.spaceKey(), professional.rpps(), label(professional));
        return decision;
    }

    private void tellPatientOfEmergency(Space space, Instant at) {
        space.email().ifPresent(email -> mailer.send(notices.emergencyAccess(email, at)));
    }

    private Space spaceOf(Nir ins) {
        return spaces.find(nirProtection.lookupKey(ins)).orElseThrow(SpaceNotFoundException::new);
    }

    static String label(Actor.Professional professional) {
        return professional.name() + " — " + professional.profession();
    }
}
