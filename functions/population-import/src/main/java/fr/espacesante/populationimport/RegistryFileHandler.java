package fr.espacesante.populationimport;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import fr.espacesante.aws.population.S3DeliveryLog;
import fr.espacesante.aws.population.S3ImportReports;
import fr.espacesante.domain.population.ImportRun;
import fr.espacesante.domain.population.RegistryFile;
import fr.espacesante.domain.population.RegistrySplitter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** S3 ObjectCreated → the registry file cut into ranges, one message each. Logs counts only, never a line. */
public final class RegistryFileHandler implements Consumer<S3Event> {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryFileHandler.class);

    private final RegistrySplitter splitter;
    private final S3DeliveryLog deliveries;
    private final java.time.Clock clock;

    public RegistryFileHandler(RegistrySplitter splitter, S3DeliveryLog deliveries, java.time.Clock clock) {
        this.splitter = splitter;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public void accept(S3Event event) {
        for (S3EventNotificationRecord record : event.getRecords()) {
            if (record.getS3() == null) {
                LOG.warn("not an S3 notification, ignored");
                continue;
            }
            String bucket = record.getS3().getBucket().getName();
            // Keys arrive URL-encoded in S3 notifications (spaces as '+').
            String key = URLDecoder.decode(record.getS3().getObject().getKey(), StandardCharsets.UTF_8);
            if (key.endsWith(S3ImportReports.SUFFIX) || key.endsWith(S3ImportReports.PART_SUFFIX)) {
                continue;
            }
            String importId = deliveries.importFor(bucket, key, String.valueOf(record.getS3().getObject().geteTag()),
                    ImportRun.newId(clock.instant()));
            if (importId == null) {
                LOG.info("already imported, delivered again: {}", key);
                continue;
            }
            ImportRun run = splitter.split(new RegistryFile(bucket, key), importId);
            LOG.info("import {} of {}: ranges queued: {}{}", run.importId(), key, run.progress().total(),
                    run.finished() ? ", finished at once: " + run.summary().fileError().orElse("no data line") : "");
        }
    }
}
