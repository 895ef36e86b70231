package fr.espacesante.professionalaccess;

import fr.espacesante.aws.function.Registrations;
import fr.espacesante.domain.access.AccessPolicy;
import fr.espacesante.domain.access.ProfessionalAccess;
import fr.espacesante.domain.access.SpaceAccessGuard;
import fr.espacesante.domain.space.PatientNotices;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/** The professional API Lambda. */
public class ProfessionalAccessFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "professionalAccess";

    @Override
    public void initialize(GenericApplicationContext context) {
        Registrations.http(context, FUNCTION_NAME, (adapters, callers) -> {
            var policy = new AccessPolicy();
            var access = new ProfessionalAccess(adapters.nirProtection(), adapters.spaces(),
                    new SpaceAccessGuard(policy, adapters.accessHistory(), adapters.clock()), policy, adapters.mailer(),
                    new PatientNotices(adapters.env("SERVICE_URL")), adapters.clock());
            return new ProfessionalAccessRoutes(access).routes(callers);
        });
    }
}
