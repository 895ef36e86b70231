package fr.espacesante.wavesender;

import fr.espacesante.aws.function.Registrations;
import fr.espacesante.aws.AwsAdapters;
import fr.espacesante.domain.campaign.WaveSender;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The wave sender Lambda, run every minute by EventBridge Scheduler. Its lease (SEND_LEASE_SECONDS)
 * is longer than its timeout, so an entry is only taken over once its first run is surely dead.
 */
public class WaveSenderFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "sendWaves";

    @Override
    public void initialize(GenericApplicationContext context) {
        Registrations.task(context, FUNCTION_NAME, adapters -> {
            WaveSender sender = sender(adapters);
            return event -> report(sender.run("run-" + UUID.randomUUID()));
        });
    }

    /** The sender over AWS. */
    public static WaveSender sender(AwsAdapters adapters) {
        return new WaveSender(adapters.waves(), adapters.notificationQueue(), adapters.ledger(), adapters.persons(),
                adapters.mailer(), adapters.letterOffice(), adapters.codes(), adapters.campaignNotices(),
                adapters.clock(), Duration.ofSeconds(Long.parseLong(adapters.env("SEND_LEASE_SECONDS"))),
                adapters.objectionDays(), Integer.parseInt(adapters.env("SEND_WORKERS")));
    }

    static Map<String, Object> report(WaveSender.RunReport report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("reclames", report.claimed());
        out.put("repris", report.takenOver());
        out.put("emails", report.emails());
        out.put("courriers", report.letters());
        out.put("basculesCourrier", report.switchedToLetter());
        out.put("manifestes", report.manifests());
        out.put("vaguesTerminees", report.completedWaves());
        return out;
    }
}
