package fr.espacesante.aws.limits;

import fr.espacesante.domain.space.port.out.AttemptCounters;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** One item per key and window with an atomic counter (ADD), removed by the table's TTL. */
public final class DynamoDbAttemptCounters implements AttemptCounters {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbAttemptCounters(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public int failures(String key, Instant windowStart) {
        GetItemResponse response = dynamoDb.getItem(r -> r.tableName(tableName)
                .key(Map.of("attemptKey", AttributeValue.fromS(itemKey(key, windowStart)))).consistentRead(true));
        return response.hasItem() ? Integer.parseInt(response.item().get("failures").n()) : 0;
    }

    @Override
    public void addFailure(String key, Instant windowStart, Instant expiresAt) {
        dynamoDb.updateItem(r -> r.tableName(tableName)
                .key(Map.of("attemptKey", AttributeValue.fromS(itemKey(key, windowStart))))
                .updateExpression("ADD failures :one SET expiresAt = :expires")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                        ":expires", AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())))));
    }

    private static String itemKey(String key, Instant windowStart) {
        return key + "@" + windowStart.getEpochSecond();
    }
}
