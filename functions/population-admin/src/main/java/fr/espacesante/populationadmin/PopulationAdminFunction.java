package fr.espacesante.populationadmin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import fr.espacesante.aws.AwsClients;
import fr.espacesante.aws.population.DynamoDbImportHistory;
import org.springframework.cloud.function.adapter.aws.AWSCompanionAutoConfiguration;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.messaging.converter.MessageConverter;

/** Operator API over population imports; functional bean registration like every function. */
public class PopulationAdminFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "populationAdmin";

    @Override
    public void initialize(GenericApplicationContext context) {
        context.registerBean("awsTypesMessageConverter", MessageConverter.class,
                () -> new AWSCompanionAutoConfiguration().awsTypesMessageConverter(context));
        context.registerBean(FUNCTION_NAME, FunctionRegistration.class, () -> {
            var env = context.getEnvironment();
            var history = new DynamoDbImportHistory(AwsClients.enhanced(AwsClients.dynamoDb()),
                    env.getRequiredProperty("IMPORT_RUNS_TABLE"));
            return new FunctionRegistration<>(new ImportRunsHandler(history, env.getRequiredProperty("ADMIN_SCOPE")))
                    .type(FunctionTypeUtils.functionType(APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class));
        });
    }
}
