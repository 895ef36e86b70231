package fr.espacesante.servicereview;

import fr.espacesante.aws.function.Registrations;
import fr.espacesante.domain.catalogue.ConnectedServicesReview;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/** Every day (EventBridge Scheduler), the 90-day e-mails listing each due space's connected services. */
public class ServiceReviewFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "reviewServices";

    @Override
    public void initialize(GenericApplicationContext context) {
        Registrations.task(context, FUNCTION_NAME, adapters -> {
            ConnectedServicesReview review = adapters.connectedServicesReview();
            return event -> {
                ConnectedServicesReview.Report report = review.run();
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("courriels", report.sent());
                out.put("sansCourriel", report.withoutEmail());
                out.put("plusAucunService", report.ended());
                out.put("dejaTraites", report.alreadyHandled());
                return out;
            };
        });
    }
}
