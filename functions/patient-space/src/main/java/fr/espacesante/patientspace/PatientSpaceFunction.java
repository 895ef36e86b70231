package fr.espacesante.patientspace;

import fr.espacesante.aws.function.Registrations;
import fr.espacesante.domain.access.AccessSettings;
import fr.espacesante.domain.caregiver.CaregiverDesignation;
import fr.espacesante.domain.family.MinorAttachment;
import fr.espacesante.domain.family.Representation;
import fr.espacesante.domain.lifecycle.SpaceLifecycle;
import fr.espacesante.domain.space.AttemptGuard;
import fr.espacesante.domain.space.SpaceActivation;
import java.time.Duration;
import java.util.List;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/** The patient API Lambda. */
public class PatientSpaceFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "patientSpace";

    /**
     * Proofs of identity: 5 failures per login per 15 minutes; 100 per client address per hour
     * (higher, as many households and mobile users share one address).
     */
    static final List<AttemptGuard.Limit> ACTIVATION_LIMITS = List.of(
            new AttemptGuard.Limit("activation-login:", 5, Duration.ofMinutes(15)),
            new AttemptGuard.Limit("activation-client:", 100, Duration.ofHours(1)));

    @Override
    public void initialize(GenericApplicationContext context) {
        Registrations.http(context, FUNCTION_NAME, (adapters, callers) -> {
            var spaces = adapters.spaces();
            var links = adapters.identityLinks();
            var history = adapters.accessHistory();
            var guard = adapters.guard(history);
            var persons = adapters.persons();
            // Attaching a child is a proof of identity too: it shares the activation's attempt limits.
            var attempts = new AttemptGuard(adapters.attemptCounters(), adapters.clock(), ACTIVATION_LIMITS);
            var activation = new SpaceActivation(adapters.nirProtection(), adapters.codes(), adapters.ledger(),
                    persons, links, spaces, guard, attempts, adapters.clock());
            var guardianships = adapters.guardianships();
            var minors = new MinorAttachment(adapters.nirProtection(), persons, links, spaces, guardianships, guard,
                    attempts, adapters.clock());
            var lifecycle = new SpaceLifecycle(spaces, persons, adapters.purgeSchedule(), guard, adapters.mailer(),
                    adapters.postalMail(), adapters.lifecycleNotices(), adapters.clock(), adapters.retentionYears());
            var caregiverRegister = adapters.caregivers();
            var caregivers = new CaregiverDesignation(caregiverRegister, spaces, persons, links, guard,
                    adapters.mailer(), adapters.codes(), adapters.caregiverNotices(), adapters.documentCatalog(),
                    adapters.documentStorage(), adapters.designationProofs(), attempts, adapters.clock());
            return new PatientSpaceRoutes(activation, minors,
                    new Representation(links, guardianships, caregiverRegister, adapters.clock()),
                    new AccessSettings(spaces, guard, history), lifecycle, caregivers).routes(callers);
        });
    }
}
