package fr.espacesante.catalogue;

import fr.espacesante.aws.function.Registrations;
import fr.espacesante.domain.family.Representation;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/** The catalogue API Lambda: patients search and connect services (citizen token), operators load and moderate (admin scope). */
public class CatalogueFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "catalogue";

    @Override
    public void initialize(GenericApplicationContext context) {
        Registrations.http(context, FUNCTION_NAME, (adapters, callers) -> new CatalogueRoutes(adapters.serviceCatalogue(),
                adapters.serviceConnections(),
                new Representation(adapters.identityLinks(), adapters.guardianships(), adapters.caregivers(), adapters.clock()))
                .routes(callers));
    }
}
