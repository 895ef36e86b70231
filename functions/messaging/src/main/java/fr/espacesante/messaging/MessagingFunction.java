package fr.espacesante.messaging;

import fr.espacesante.aws.function.Registrations;
import fr.espacesante.aws.space.RememberedIdentityLinks;
import fr.espacesante.domain.family.Representation;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/** The secure messaging API Lambda (patients and professionals). */
public class MessagingFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "messaging";

    @Override
    public void initialize(GenericApplicationContext context) {
        Registrations.http(context, FUNCTION_NAME, (adapters, callers) -> new MessagingRoutes(adapters.messaging(),
                // The hot paths (inbox, reply) remember logins for a minute: a link never changes to another person.
                new Representation(new RememberedIdentityLinks(adapters.identityLinks(), adapters.clock()), adapters.guardianships(),
                        adapters.caregivers(), adapters.clock()))
                .routes(callers));
    }
}
