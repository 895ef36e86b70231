package fr.espacesante.domain.campaign.port.out;

import java.time.Instant;
import java.util.Optional;

/** Every objection attempt, kept without the NIR: the person key (keyed hash) when one was recognised. */
public interface CampaignAudit {

    record Attempt(Instant at, String kind, String clientId, Optional<String> personKey, String outcome) {
    }

    void record(Attempt attempt);
}
