package fr.espacesante.profile;

import fr.espacesante.aws.function.Registrations;
import fr.espacesante.aws.space.RememberedIdentityLinks;
import fr.espacesante.domain.family.Representation;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The medical profile API Lambda (citizen token, a parent with ?enfant=, a caregiver with ?aide=; professionals by INS).
 * Login links are remembered a minute, as in messaging: a link never changes to another person.
 */
public class ProfileFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "profile";

    @Override
    public void initialize(GenericApplicationContext context) {
        Registrations.http(context, FUNCTION_NAME, (adapters, callers) -> new ProfileRoutes(adapters.medicalProfile(),
                new Representation(new RememberedIdentityLinks(adapters.identityLinks(), adapters.clock()), adapters.guardianships(), adapters.caregivers(), adapters.clock()))
                .routes(callers));
    }
}
