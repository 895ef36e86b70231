package fr.espacesante.documentintake;

import fr.espacesante.aws.function.Registrations;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import fr.espacesante.domain.document.DocumentIntake;
import fr.espacesante.domain.space.PatientNotices;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/** S3 ObjectCreated in the documents bucket → the document is checked before it becomes visible. */
public class DocumentIntakeFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "documentIntake";
    private static final Logger LOG = LoggerFactory.getLogger(DocumentIntakeFunction.class);

    @Override
    public void initialize(GenericApplicationContext context) {
        Registrations.consumer(context, FUNCTION_NAME, S3Event.class, adapters -> {
            var intake = new DocumentIntake(adapters.documentCatalog(), adapters.documentStorage(), adapters.spaces(),
                    adapters.mailer(), new PatientNotices(adapters.env("SERVICE_URL")), adapters.messageDelivery());
            return event -> event.getRecords().forEach(record -> {
                String key = URLDecoder.decode(record.getS3().getObject().getKey(), StandardCharsets.UTF_8);
                // The outcome only: keys hold a person key and a random id, never anything readable.
                LOG.info("document checked: {}", intake.received(key));
            });
        });
    }
}
