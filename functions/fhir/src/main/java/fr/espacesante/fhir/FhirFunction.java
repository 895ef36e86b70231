package fr.espacesante.fhir;

import fr.espacesante.aws.function.Registrations;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/** The FHIR R4 API Lambda for connected services (client-credentials tokens of the services issuer). */
public class FhirFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "fhir";

    @Override
    public void initialize(GenericApplicationContext context) {
        Registrations.http(context, FUNCTION_NAME, (adapters, callers) -> new FhirRoutes(adapters.serviceExchange(),
                adapters.env("SERVICE_URL")).routes(callers));
    }
}
