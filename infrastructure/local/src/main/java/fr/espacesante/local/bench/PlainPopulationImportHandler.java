package fr.espacesante.local.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import fr.espacesante.aws.AwsClients;
import fr.espacesante.aws.population.DynamoDbImportHistory;
import fr.espacesante.aws.population.S3ImportReports;
import fr.espacesante.aws.population.S3RegistryFileRanges;
import fr.espacesante.aws.population.SqsImportRanges;
import fr.espacesante.aws.time.ServiceClock;
import fr.espacesante.domain.population.RegistryFile;
import fr.espacesante.domain.population.RegistrySplitter;
import fr.espacesante.domain.population.RunCompletion;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The cold-start baseline: the same splitter (same adapters, same use case, same S3 event) wired by
 * hand in a plain {@link RequestHandler}, with no Spring at all.
 */
public final class PlainPopulationImportHandler implements RequestHandler<S3Event, String> {

    private final RegistrySplitter splitter;

    public PlainPopulationImportHandler() {
        Clock clock = ServiceClock.utc();
        var dynamoDb = AwsClients.dynamoDb();
        var s3 = AwsClients.s3();
        var enhanced = AwsClients.enhanced(dynamoDb);
        var history = new DynamoDbImportHistory(enhanced, dynamoDb, System.getenv("IMPORT_RUNS_TABLE"));
        splitter = new RegistrySplitter(new S3RegistryFileRanges(s3), history,
                new SqsImportRanges(AwsClients.sqs(), System.getenv("IMPORT_RANGES_QUEUE_URL")),
                new RunCompletion(new S3RegistryFileRanges(s3), history, new S3ImportReports(s3), clock), clock,
                Integer.parseInt(System.getenv().getOrDefault("IMPORT_RANGE_ROWS", "100000")));
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
        for (var record : event.getRecords()) {
            splitter.split(new RegistryFile(record.getS3().getBucket().getName(),
                    URLDecoder.decode(record.getS3().getObject().getKey(), StandardCharsets.UTF_8)));
        }
        return "OK";
    }
}
