package fr.espacesante.patientspace;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import fr.espacesante.aws.AwsClients;
import fr.espacesante.aws.access.DynamoDbAccessHistory;
import fr.espacesante.aws.limits.DynamoDbAttemptCounters;
import fr.espacesante.aws.person.DynamoDbPersonDirectory;
import fr.espacesante.aws.space.DynamoDbIdentityLinks;
import fr.espacesante.aws.space.DynamoDbSpaces;
import fr.espacesante.aws.time.ServiceClock;
import fr.espacesante.domain.access.AccessPolicy;
import fr.espacesante.domain.access.AccessSettings;
import fr.espacesante.domain.access.SpaceAccessGuard;
import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.domain.space.AttemptGuard;
import fr.espacesante.domain.space.SpaceActivation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.cloud.function.adapter.aws.AWSCompanionAutoConfiguration;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.messaging.converter.MessageConverter;

/** The patient API Lambda; functional bean registration like every function. */
public class PatientSpaceFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "patientSpace";

    /**
     * Proofs of identity: 5 failures per login per 15 minutes; 100 per client address per hour
     * (higher, as many households and mobile users share one address).
     */
    static final List<AttemptGuard.Limit> ACTIVATION_LIMITS = List.of(
            new AttemptGuard.Limit("activation-login:", 5, Duration.ofMinutes(15)),
            new AttemptGuard.Limit("activation-client:", 100, Duration.ofHours(1)));

    @Override
    public void initialize(GenericApplicationContext context) {
        context.registerBean("awsTypesMessageConverter", MessageConverter.class,
                () -> new AWSCompanionAutoConfiguration().awsTypesMessageConverter(context));
        context.registerBean(FUNCTION_NAME, FunctionRegistration.class, () ->
                new FunctionRegistration<>(handler(context.getEnvironment()))
                        .type(FunctionTypeUtils.functionType(APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class)));
    }

    private static PatientSpaceHandler handler(Environment env) {
        Clock clock = ServiceClock.utc();
        var dynamoDb = AwsClients.dynamoDb();
        var enhanced = AwsClients.enhanced(dynamoDb);
        String personsTable = env.getRequiredProperty("PERSONS_TABLE");
        var spaces = new DynamoDbSpaces(dynamoDb, enhanced, env.getRequiredProperty("SPACES_TABLE"));
        var links = new DynamoDbIdentityLinks(dynamoDb, env.getRequiredProperty("IDENTITY_LINKS_TABLE"), personsTable);
        var history = new DynamoDbAccessHistory(enhanced, env.getRequiredProperty("ACCESS_HISTORY_TABLE"));
        var guard = new SpaceAccessGuard(new AccessPolicy(), history, clock);
        var activation = new SpaceActivation(
                new NirProtection(env.getRequiredProperty("NIR_HASH_KEY"), env.getRequiredProperty("NIR_SEAL_KEY")),
                new DynamoDbPersonDirectory(dynamoDb, enhanced, personsTable), links, spaces, guard,
                new AttemptGuard(new DynamoDbAttemptCounters(dynamoDb, env.getRequiredProperty("ATTEMPTS_TABLE")), clock,
                        ACTIVATION_LIMITS),
                clock);
        return new PatientSpaceHandler(activation, new AccessSettings(spaces, guard, history), links,
                env.getRequiredProperty("CITIZEN_ISSUER"));
    }
}
