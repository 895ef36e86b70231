package fr.espacesante.populationimport;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import fr.espacesante.aws.AwsClients;
import fr.espacesante.aws.function.SnapStartPriming;
import fr.espacesante.aws.person.DynamoDbPersonRegistry;
import fr.espacesante.aws.population.DynamoDbImportHistory;
import fr.espacesante.aws.population.S3DeliveryLog;
import fr.espacesante.aws.population.S3ImportReports;
import fr.espacesante.aws.population.S3RegistryFileRanges;
import fr.espacesante.aws.population.SqsImportRanges;
import fr.espacesante.aws.time.ServiceClock;
import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.domain.population.RangeImport;
import fr.espacesante.domain.population.RegistryColumns;
import fr.espacesante.domain.population.RegistryFile;
import fr.espacesante.domain.population.RegistryRange;
import fr.espacesante.domain.population.RegistryRow;
import fr.espacesante.domain.population.RegistryRowValidator;
import fr.espacesante.domain.population.RegistrySplitter;
import fr.espacesante.domain.population.RunCompletion;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.function.adapter.aws.AWSCompanionAutoConfiguration;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.messaging.converter.MessageConverter;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The population import's three Lambdas, from one jar: the splitter (a registry file dropped → its
 * ranges queued), the worker (a range imported) and the dead-letter reader (a range abandoned).
 * Each Lambda names its function in SPRING_CLOUD_FUNCTION_DEFINITION, and only that one is wired.
 * Functional bean registration only (no scanning, no auto-configuration), for the cold start.
 */
public class PopulationImportFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String SPLIT = "importPopulation";
    public static final String IMPORT_RANGE = "importRegistryRange";
    public static final String ABANDON_RANGE = "abandonRegistryRange";

    @Override
    public void initialize(GenericApplicationContext context) {
        // Functional mode skips the AWS adapter's auto-configuration: S3 and SQS events need its converter.
        context.registerBean("awsTypesMessageConverter", MessageConverter.class,
                () -> new AWSCompanionAutoConfiguration().awsTypesMessageConverter(context));
        context.registerBean(Clock.class, ServiceClock::utc);
        context.registerBean(DynamoDbClient.class, AwsClients::dynamoDb);
        context.registerBean(S3Client.class, AwsClients::s3);
        context.registerBean(DynamoDbEnhancedClient.class, () -> AwsClients.enhanced(context.getBean(DynamoDbClient.class)));
        context.registerBean(DynamoDbImportHistory.class, () -> new DynamoDbImportHistory(
                context.getBean(DynamoDbEnhancedClient.class), context.getBean(DynamoDbClient.class),
                context.getEnvironment().getRequiredProperty("IMPORT_RUNS_TABLE")));
        String function = context.getEnvironment().getProperty("SPRING_CLOUD_FUNCTION_DEFINITION", SPLIT);
        // Only the worker stores persons, so only it is given the NIR keys and builds the registry-line validator.
        switch (function) {
            case IMPORT_RANGE -> {
                context.registerBean(RegistryRowValidator.class, () -> new RegistryRowValidator(new NirProtection(
                        context.getEnvironment().getRequiredProperty("NIR_HASH_KEY"),
                        context.getEnvironment().getRequiredProperty("NIR_SEAL_KEY")), context.getBean(Clock.class)));
                context.registerBean(IMPORT_RANGE, FunctionRegistration.class, () ->
                        new FunctionRegistration<>(RegistryRangeHandler.importing(rangeImport(context)))
                                .type(FunctionTypeUtils.consumerType(SQSEvent.class)));
                context.registerBean(SnapStartPriming.class, () -> SnapStartPriming.register(function, () -> {
                    primeRangeMessage();
                    primeValidation(context.getBean(RegistryRowValidator.class));
                }));
            }
            case ABANDON_RANGE -> {
                context.registerBean(ABANDON_RANGE, FunctionRegistration.class, () ->
                        new FunctionRegistration<>(RegistryRangeHandler.abandoning(completion(context)))
                                .type(FunctionTypeUtils.consumerType(SQSEvent.class)));
                context.registerBean(SnapStartPriming.class,
                        () -> SnapStartPriming.register(function, PopulationImportFunction::primeRangeMessage));
            }
            default -> {
                context.registerBean(SqsClient.class, AwsClients::sqs);
                context.registerBean(SPLIT, FunctionRegistration.class, () -> new FunctionRegistration<>(
                        new RegistryFileHandler(splitter(context), new S3DeliveryLog(context.getBean(DynamoDbClient.class),
                                context.getEnvironment().getRequiredProperty("IMPORT_RUNS_TABLE"), context.getBean(Clock.class)),
                        context.getBean(Clock.class)))
                        .type(FunctionTypeUtils.consumerType(S3Event.class)));
                context.registerBean(SnapStartPriming.class,
                        () -> SnapStartPriming.register(function, PopulationImportFunction::primeRangeMessage));
            }
        }
    }

    /** Before SnapStart's snapshot: a range message written and read back. */
    private static void primeRangeMessage() {
        SqsImportRanges.fromMessage(SqsImportRanges.toMessage(new RegistryRange("amorcage", new RegistryFile("depot", "f.csv"),
                "v", 0, 1, 0, 1, String.join(";", RegistryColumns.ALL))));
    }

    /** Before SnapStart's snapshot: a registry line validated (NIR key, keyed hash, seal). */
    private static void primeValidation(RegistryRowValidator validator) {
        List<String> sample = List.of("185057800608491", "Amorçage", "Jean", "1985-05-12", "31", "1 rue", "31000", "Toulouse", "");
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < RegistryColumns.ALL.size(); i++) {
            fields.put(RegistryColumns.ALL.get(i), sample.get(i));
        }
        validator.validate(new RegistryRow(2, fields, sample.size()));
    }

    /** How a run ends, for the splitter (a file with no range) and the dead-letter reader. */
    private static RunCompletion completion(GenericApplicationContext context) {
        S3Client s3 = context.getBean(S3Client.class);
        return new RunCompletion(new S3RegistryFileRanges(s3), context.getBean(DynamoDbImportHistory.class),
                new S3ImportReports(s3), context.getBean(Clock.class));
    }

    private static RegistrySplitter splitter(GenericApplicationContext context) {
        Environment env = context.getEnvironment();
        return new RegistrySplitter(new S3RegistryFileRanges(context.getBean(S3Client.class)),
                context.getBean(DynamoDbImportHistory.class),
                new SqsImportRanges(context.getBean(SqsClient.class), env.getRequiredProperty("IMPORT_RANGES_QUEUE_URL")),
                completion(context), context.getBean(Clock.class),
                env.getProperty("IMPORT_RANGE_ROWS", Integer.class, 100_000));
    }

    private static RangeImport rangeImport(GenericApplicationContext context) {
        Environment env = context.getEnvironment();
        Clock clock = context.getBean(Clock.class);
        S3Client s3 = context.getBean(S3Client.class);
        return new RangeImport(
                new S3RegistryFileRanges(s3),
                new DynamoDbPersonRegistry(context.getBean(DynamoDbClient.class), context.getBean(DynamoDbEnhancedClient.class),
                        env.getRequiredProperty("PERSONS_TABLE"), clock),
                new S3ImportReports(s3),
                context.getBean(DynamoDbImportHistory.class),
                context.getBean(RegistryRowValidator.class),
                clock,
                env.getProperty("IMPORT_WORKERS", Integer.class, 4));
    }
}
