package fr.espacesante.aws.campaign;

import static fr.espacesante.aws.campaign.Attributes.s;

import fr.espacesante.aws.SortableInstants;
import fr.espacesante.domain.campaign.port.out.CampaignAudit;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Append-only audit of objection attempts, by day, kept one year (TTL). */
public final class DynamoDbCampaignAudit implements CampaignAudit {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbCampaignAudit(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void record(Attempt attempt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("day", s(attempt.at().atOffset(ZoneOffset.UTC).toLocalDate().toString()));
        item.put("entryKey", s(SortableInstants.format(attempt.at()) + "#" + UUID.randomUUID()));
        item.put("kind", s(attempt.kind()));
        item.put("clientId", s(attempt.clientId()));
        attempt.personKey().ifPresent(key -> item.put("personKey", s(key)));
        item.put("outcome", s(attempt.outcome()));
        item.put("expiresAt", Attributes.n(attempt.at().plus(366, ChronoUnit.DAYS).getEpochSecond()));
        dynamoDb.putItem(r -> r.tableName(tableName).item(item).conditionExpression("attribute_not_exists(entryKey)"));
    }
}
