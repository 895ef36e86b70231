package fr.espacesante.campaignadmin;

import fr.espacesante.aws.function.Registrations;
import fr.espacesante.domain.campaign.WavePlanning;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/** The operators' wave API Lambda (admin scope). */
public class CampaignAdminFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "campaignAdmin";

    @Override
    public void initialize(GenericApplicationContext context) {
        Registrations.http(context, FUNCTION_NAME, (adapters, callers) -> new WavesRoutes(
                new WavePlanning(adapters.waves(), adapters.notificationQueue(), adapters.clock())).routes(callers));
    }
}
