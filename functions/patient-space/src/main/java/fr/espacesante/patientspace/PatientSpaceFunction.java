package fr.espacesante.patientspace;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import fr.espacesante.aws.AwsAdapters;
import fr.espacesante.domain.access.AccessSettings;
import fr.espacesante.domain.family.MinorAttachment;
import fr.espacesante.domain.family.Representation;
import fr.espacesante.domain.space.AttemptGuard;
import fr.espacesante.domain.space.SpaceActivation;
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
        var adapters = new AwsAdapters(env::getRequiredProperty);
        var spaces = adapters.spaces();
        var links = adapters.identityLinks();
        var history = adapters.accessHistory();
        var guard = adapters.guard(history);
        var persons = adapters.persons();
        // Attaching a child is a proof of identity too: it shares the activation's attempt limits.
        var attempts = new AttemptGuard(adapters.attemptCounters(), adapters.clock(), ACTIVATION_LIMITS);
        var activation = new SpaceActivation(adapters.nirProtection(), adapters.codes(), adapters.ledger(),
                persons, links, spaces, guard, attempts, adapters.clock());
        var guardianships = adapters.guardianships();
        var minors = new MinorAttachment(adapters.nirProtection(), persons, links, spaces, guardianships, guard,
                attempts, adapters.clock());
        return new PatientSpaceHandler(activation, minors, new Representation(links, guardianships, adapters.clock()),
                new AccessSettings(spaces, guard, history), adapters.env("CITIZEN_ISSUER"));
    }
}
