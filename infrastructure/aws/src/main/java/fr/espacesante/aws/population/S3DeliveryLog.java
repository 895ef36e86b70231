package fr.espacesante.aws.population;

import fr.espacesante.domain.text.Digests;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * S3 delivers events at least once, and a client may retry a PUT: the same object (bucket, key,
 * ETag) can arrive twice. A conditional marker in the import-runs table (no {@code kind}, so it stays
 * out of the operators' list; TTL 30 days) ties the object version to one import: a second delivery
 * finds it, and resumes that import if its splitter crashed before queuing every range, or changes
 * nothing — the first run's report is never overwritten by a report saying "all unchanged".
 */
public final class S3DeliveryLog {

    private static final Duration KEPT = Duration.ofDays(30);

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;

    public S3DeliveryLog(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
    }

    /**
     * The import of this object version: {@code newImportId} on its first delivery, else the one
     * recorded then (so a delivery that follows a splitter's crash resumes that import), or null for
     * a delivery recorded before imports were kept with it.
     */
    public String importFor(String bucket, String key, String eTag, String newImportId) {
        Map<String, AttributeValue> id = Map.of("importId", AttributeValue.fromS("livraison:" + fingerprint(bucket, key, eTag)));
        try {
            Map<String, AttributeValue> item = new java.util.HashMap<>(id);
            item.put("run", AttributeValue.fromS(newImportId));
            item.put("expiresAt", AttributeValue.fromN(Long.toString(clock.instant().plus(KEPT).getEpochSecond())));
            dynamoDb.putItem(r -> r.tableName(tableName).item(item).conditionExpression("attribute_not_exists(importId)"));
            return newImportId;
        } catch (ConditionalCheckFailedException seen) {
            AttributeValue run = dynamoDb.getItem(r -> r.tableName(tableName).consistentRead(true).key(id)).item().get("run");
            return run == null ? null : run.s();
        }
    }

    private static String fingerprint(String bucket, String key, String eTag) {
        return Digests.sha256Hex((bucket + "\n" + key + "\n" + eTag).getBytes(StandardCharsets.UTF_8));
    }
}
