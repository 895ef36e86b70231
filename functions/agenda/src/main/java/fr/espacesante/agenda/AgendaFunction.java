package fr.espacesante.agenda;

import fr.espacesante.aws.function.Registrations;
import fr.espacesante.domain.family.Representation;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/** The health agenda API Lambda (citizen token; a parent with ?enfant=, a caregiver with ?aide=). */
public class AgendaFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "agenda";

    @Override
    public void initialize(GenericApplicationContext context) {
        Registrations.http(context, FUNCTION_NAME, (adapters, callers) -> new AgendaRoutes(adapters.agenda(),
                adapters.preventionCalendar(), adapters.agendaSubscriptions(),
                new Representation(adapters.identityLinks(), adapters.guardianships(), adapters.caregivers(), adapters.clock()),
                adapters.env("SERVICE_URL"))
                .routes(callers));
    }
}
