package fr.espacesante.objection;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import fr.espacesante.aws.AwsAdapters;
import fr.espacesante.domain.campaign.Objection;
import fr.espacesante.domain.space.AttemptGuard;
import java.time.Duration;
import java.util.List;
import org.springframework.cloud.function.adapter.aws.AWSCompanionAutoConfiguration;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.messaging.converter.MessageConverter;

/** The public objection API Lambda (no login). */
public class ObjectionFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "objection";

    /**
     * Failed attempts: 20 per client address per hour; 5 per code and 5 per person (identity) per
     * day — a person cannot be locked out of objecting for long, and guessing stays out of reach.
     */
    static final List<AttemptGuard.Limit> LIMITS = List.of(
            new AttemptGuard.Limit("opposition-client:", 20, Duration.ofHours(1)),
            new AttemptGuard.Limit("opposition-code:", 5, Duration.ofDays(1)),
            new AttemptGuard.Limit("opposition-personne:", 5, Duration.ofDays(1)));

    @Override
    public void initialize(GenericApplicationContext context) {
        context.registerBean("awsTypesMessageConverter", MessageConverter.class,
                () -> new AWSCompanionAutoConfiguration().awsTypesMessageConverter(context));
        context.registerBean(FUNCTION_NAME, FunctionRegistration.class, () -> {
            var adapters = new AwsAdapters(context.getEnvironment()::getRequiredProperty);
            var objection = new Objection(adapters.codes(), adapters.nirProtection(), adapters.ledger(), adapters.persons(),
                    adapters.objections(), new AttemptGuard(adapters.attemptCounters(), adapters.clock(), LIMITS),
                    adapters.campaignAudit(), adapters.mailer(), adapters.campaignNotices(), adapters.clock());
            return new FunctionRegistration<>(new ObjectionHandler(objection))
                    .type(FunctionTypeUtils.functionType(APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class));
        });
    }
}
