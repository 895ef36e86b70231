package fr.espacesante.documentintake;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import fr.espacesante.aws.AwsAdapters;
import fr.espacesante.domain.document.DocumentIntake;
import fr.espacesante.domain.space.PatientNotices;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.adapter.aws.AWSCompanionAutoConfiguration;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.messaging.converter.MessageConverter;

/** S3 ObjectCreated in the documents bucket → the document is checked before it becomes visible. */
public class DocumentIntakeFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "documentIntake";
    private static final Logger LOG = LoggerFactory.getLogger(DocumentIntakeFunction.class);

    @Override
    public void initialize(GenericApplicationContext context) {
        context.registerBean("awsTypesMessageConverter", MessageConverter.class,
                () -> new AWSCompanionAutoConfiguration().awsTypesMessageConverter(context));
        context.registerBean(FUNCTION_NAME, FunctionRegistration.class, () -> {
            var adapters = new AwsAdapters(context.getEnvironment()::getRequiredProperty);
            var intake = new DocumentIntake(adapters.documentCatalog(), adapters.documentStorage(), adapters.spaces(),
                    adapters.mailer(), new PatientNotices(adapters.env("SERVICE_URL")));
            Consumer<S3Event> handler = event -> event.getRecords().forEach(record -> {
                String key = URLDecoder.decode(record.getS3().getObject().getKey(), StandardCharsets.UTF_8);
                // The outcome only: keys hold a person key and a random id, never anything readable.
                LOG.info("document checked: {}", intake.received(key));
            });
            return new FunctionRegistration<>(handler).type(FunctionTypeUtils.consumerType(S3Event.class));
        });
    }
}
