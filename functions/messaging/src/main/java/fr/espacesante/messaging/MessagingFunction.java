package fr.espacesante.messaging;

import fr.espacesante.aws.function.Registrations;
import fr.espacesante.domain.family.Representation;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/** The secure messaging API Lambda (patients and professionals). */
public class MessagingFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "messaging";

    @Override
    public void initialize(GenericApplicationContext context) {
        Registrations.http(context, FUNCTION_NAME, (adapters, callers) -> new MessagingRoutes(adapters.messaging(),
                new Representation(adapters.identityLinks(), adapters.guardianships(), adapters.caregivers(), adapters.clock()))
                .routes(callers));
    }
}
