package fr.espacesante.populationimport;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import fr.espacesante.aws.population.S3DeliveryLog;
import fr.espacesante.aws.population.S3ImportReports;
import fr.espacesante.domain.population.ImportRun;
import fr.espacesante.domain.population.RegistryFile;
import fr.espacesante.domain.population.port.in.ImportRegistryFile;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** S3 ObjectCreated → import of that registry file. Logs counts only, never a line's content. */
public final class RegistryFileHandler implements Consumer<S3Event> {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryFileHandler.class);

    private final ImportRegistryFile importRegistryFile;
    private final S3DeliveryLog deliveries;

    public RegistryFileHandler(ImportRegistryFile importRegistryFile, S3DeliveryLog deliveries) {
        this.importRegistryFile = importRegistryFile;
        this.deliveries = deliveries;
    }

    @Override
    public void accept(S3Event event) {
        for (S3EventNotificationRecord record : event.getRecords()) {
            String bucket = record.getS3().getBucket().getName();
            // Keys arrive URL-encoded in S3 notifications (spaces as '+').
            String key = URLDecoder.decode(record.getS3().getObject().getKey(), StandardCharsets.UTF_8);
            if (key.endsWith(S3ImportReports.SUFFIX)) {
                continue;
            }
            if (!deliveries.firstDelivery(bucket, key, String.valueOf(record.getS3().getObject().geteTag()))) {
                LOG.info("already imported, delivered again: {}", key);
                continue;
            }
            ImportRun run = importRegistryFile.importFile(new RegistryFile(bucket, key));
            var s = run.summary();
            LOG.info("import {} of {}: read={} created={} updated={} unchanged={} rejected={} complete={}",
                    run.importId(), key, s.read(), s.created(), s.updated(), s.unchanged(), s.rejected(), s.complete());
        }
    }
}
