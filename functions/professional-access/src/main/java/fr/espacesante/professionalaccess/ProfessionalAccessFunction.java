package fr.espacesante.professionalaccess;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import fr.espacesante.aws.AwsAdapters;
import fr.espacesante.domain.access.AccessPolicy;
import fr.espacesante.domain.access.ProfessionalAccess;
import fr.espacesante.domain.access.SpaceAccessGuard;
import fr.espacesante.domain.space.PatientNotices;
import org.springframework.cloud.function.adapter.aws.AWSCompanionAutoConfiguration;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.messaging.converter.MessageConverter;

/** The professional API Lambda; functional bean registration like every function. */
public class ProfessionalAccessFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "professionalAccess";

    @Override
    public void initialize(GenericApplicationContext context) {
        context.registerBean("awsTypesMessageConverter", MessageConverter.class,
                () -> new AWSCompanionAutoConfiguration().awsTypesMessageConverter(context));
        context.registerBean(FUNCTION_NAME, FunctionRegistration.class, () ->
                new FunctionRegistration<>(handler(context.getEnvironment()))
                        .type(FunctionTypeUtils.functionType(APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class)));
    }

    private static ProfessionalAccessHandler handler(Environment env) {
        var adapters = new AwsAdapters(env::getRequiredProperty);
        var policy = new AccessPolicy();
        var access = new ProfessionalAccess(adapters.nirProtection(), adapters.spaces(),
                new SpaceAccessGuard(policy, adapters.accessHistory(), adapters.clock()), policy, adapters.mailer(),
                new PatientNotices(adapters.env("SERVICE_URL")), adapters.clock());
        return new ProfessionalAccessHandler(access, adapters.env("PROFESSIONAL_ISSUER"));
    }
}
