package fr.espacesante.professionalaccess;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import fr.espacesante.aws.AwsClients;
import fr.espacesante.aws.access.DynamoDbAccessHistory;
import fr.espacesante.aws.mail.SesMailer;
import fr.espacesante.aws.space.DynamoDbSpaces;
import fr.espacesante.aws.time.ServiceClock;
import fr.espacesante.domain.access.AccessPolicy;
import fr.espacesante.domain.access.ProfessionalAccess;
import fr.espacesante.domain.access.SpaceAccessGuard;
import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.domain.space.PatientNotices;
import java.time.Clock;
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
        Clock clock = ServiceClock.utc();
        var dynamoDb = AwsClients.dynamoDb();
        var enhanced = AwsClients.enhanced(dynamoDb);
        var spaces = new DynamoDbSpaces(dynamoDb, enhanced, env.getRequiredProperty("SPACES_TABLE"));
        var history = new DynamoDbAccessHistory(enhanced, env.getRequiredProperty("ACCESS_HISTORY_TABLE"));
        var policy = new AccessPolicy();
        var access = new ProfessionalAccess(
                new NirProtection(env.getRequiredProperty("NIR_HASH_KEY"), env.getRequiredProperty("NIR_SEAL_KEY")),
                spaces, new SpaceAccessGuard(policy, history, clock), policy,
                new SesMailer(AwsClients.ses(), env.getRequiredProperty("SENDER_ADDRESS")),
                new PatientNotices(env.getRequiredProperty("SERVICE_URL")), clock);
        return new ProfessionalAccessHandler(access, env.getRequiredProperty("PROFESSIONAL_ISSUER"));
    }
}
