package fr.espacesante.documents;

import fr.espacesante.aws.function.Registrations;
import fr.espacesante.domain.access.AccessPolicy;
import fr.espacesante.domain.access.SpaceAccessGuard;
import fr.espacesante.domain.document.SharedRecord;
import fr.espacesante.domain.family.Representation;
import java.util.concurrent.Executors;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/** The shared medical record API Lambda. */
public class DocumentsFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "documents";

    @Override
    public void initialize(GenericApplicationContext context) {
        Registrations.http(context, FUNCTION_NAME, (adapters, callers) -> {
            var policy = new AccessPolicy();
            var record = new SharedRecord(adapters.spaces(), adapters.documentCatalog(), adapters.documentStorage(),
                    new SpaceAccessGuard(policy, adapters.accessHistory(), adapters.clock()), policy, adapters.clock(),
                    Executors.newVirtualThreadPerTaskExecutor());
            return new DocumentsRoutes(record,
                    new Representation(adapters.identityLinks(), adapters.guardianships(), adapters.caregivers(),
                            adapters.clock()),
                    adapters.nirProtection()).routes(callers);
        });
    }
}
