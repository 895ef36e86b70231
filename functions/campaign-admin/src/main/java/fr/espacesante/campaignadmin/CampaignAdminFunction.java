package fr.espacesante.campaignadmin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import fr.espacesante.aws.AwsAdapters;
import fr.espacesante.domain.campaign.WavePlanning;
import org.springframework.cloud.function.adapter.aws.AWSCompanionAutoConfiguration;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.messaging.converter.MessageConverter;

/** The operator's wave API Lambda; functional bean registration like every function. */
public class CampaignAdminFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "campaignAdmin";

    @Override
    public void initialize(GenericApplicationContext context) {
        context.registerBean("awsTypesMessageConverter", MessageConverter.class,
                () -> new AWSCompanionAutoConfiguration().awsTypesMessageConverter(context));
        context.registerBean(FUNCTION_NAME, FunctionRegistration.class, () -> {
            var adapters = new AwsAdapters(context.getEnvironment()::getRequiredProperty);
            var planning = new WavePlanning(adapters.waves(), adapters.notificationQueue(), adapters.clock());
            return new FunctionRegistration<>(new WavesHandler(planning, adapters.env("ADMIN_SCOPE")))
                    .type(FunctionTypeUtils.functionType(APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class));
        });
    }
}
