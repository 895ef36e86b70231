package fr.espacesante.populationimport;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import fr.espacesante.aws.AwsClients;
import fr.espacesante.aws.person.DynamoDbPersonRegistry;
import fr.espacesante.aws.population.DynamoDbImportHistory;
import fr.espacesante.aws.population.S3ImportReports;
import fr.espacesante.aws.population.S3DeliveryLog;
import fr.espacesante.aws.population.S3RegistryFiles;
import fr.espacesante.aws.time.ServiceClock;
import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.domain.population.PopulationImport;
import fr.espacesante.domain.population.RegistryRowValidator;
import java.time.Clock;
import org.springframework.cloud.function.adapter.aws.AWSCompanionAutoConfiguration;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.messaging.converter.MessageConverter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The population import Lambda: functional bean registration only (no scanning, no
 * auto-configuration), which is what keeps its cold start close to a plain handler's.
 */
public class PopulationImportFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "importPopulation";

    @Override
    public void initialize(GenericApplicationContext context) {
        // Functional mode skips the AWS adapter's auto-configuration: S3Event needs its converter.
        context.registerBean("awsTypesMessageConverter", MessageConverter.class,
                () -> new AWSCompanionAutoConfiguration().awsTypesMessageConverter(context));
        context.registerBean(Clock.class, ServiceClock::utc);
        context.registerBean(DynamoDbClient.class, AwsClients::dynamoDb);
        context.registerBean(S3Client.class, AwsClients::s3);
        context.registerBean(PopulationImport.class, () -> populationImport(context));
        context.registerBean(FUNCTION_NAME, FunctionRegistration.class, () ->
                new FunctionRegistration<>(new RegistryFileHandler(context.getBean(PopulationImport.class),
                        new S3DeliveryLog(context.getBean(DynamoDbClient.class),
                                context.getEnvironment().getRequiredProperty("IMPORT_RUNS_TABLE"), context.getBean(Clock.class))))
                        .type(FunctionTypeUtils.consumerType(S3Event.class)));
    }

    private static PopulationImport populationImport(GenericApplicationContext context) {
        Environment env = context.getEnvironment();
        Clock clock = context.getBean(Clock.class);
        DynamoDbClient dynamoDb = context.getBean(DynamoDbClient.class);
        S3Client s3 = context.getBean(S3Client.class);
        var enhanced = AwsClients.enhanced(dynamoDb);
        NirProtection nirProtection = new NirProtection(env.getRequiredProperty("NIR_HASH_KEY"),
                env.getRequiredProperty("NIR_SEAL_KEY"));
        return new PopulationImport(
                new S3RegistryFiles(s3),
                new DynamoDbPersonRegistry(dynamoDb, enhanced, env.getRequiredProperty("PERSONS_TABLE"), clock),
                new S3ImportReports(s3),
                new DynamoDbImportHistory(enhanced, env.getRequiredProperty("IMPORT_RUNS_TABLE")),
                new RegistryRowValidator(nirProtection, clock),
                clock,
                env.getProperty("IMPORT_WORKERS", Integer.class, 4));
    }
}
