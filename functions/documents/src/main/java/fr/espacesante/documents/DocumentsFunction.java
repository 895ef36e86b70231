package fr.espacesante.documents;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import fr.espacesante.aws.AwsAdapters;
import fr.espacesante.domain.family.Representation;
import fr.espacesante.domain.access.AccessPolicy;
import fr.espacesante.domain.document.SharedRecord;
import org.springframework.cloud.function.adapter.aws.AWSCompanionAutoConfiguration;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.messaging.converter.MessageConverter;

/** The shared medical record API Lambda; functional bean registration like every function. */
public class DocumentsFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "documents";

    @Override
    public void initialize(GenericApplicationContext context) {
        context.registerBean("awsTypesMessageConverter", MessageConverter.class,
                () -> new AWSCompanionAutoConfiguration().awsTypesMessageConverter(context));
        context.registerBean(FUNCTION_NAME, FunctionRegistration.class, () -> {
            var adapters = new AwsAdapters(context.getEnvironment()::getRequiredProperty);
            var policy = new AccessPolicy();
            var record = new SharedRecord(adapters.spaces(), adapters.documentCatalog(), adapters.documentStorage(),
                    new fr.espacesante.domain.access.SpaceAccessGuard(policy, adapters.accessHistory(), adapters.clock()),
                    policy, adapters.clock());
            return new FunctionRegistration<>(new DocumentsHandler(record,
                    new Representation(adapters.identityLinks(), adapters.guardianships(), adapters.clock()),
                    adapters.nirProtection(),
                    adapters.env("CITIZEN_ISSUER"), adapters.env("PROFESSIONAL_ISSUER")))
                    .type(FunctionTypeUtils.functionType(APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class));
        });
    }
}
