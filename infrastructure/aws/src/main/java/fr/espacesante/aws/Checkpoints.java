package fr.espacesante.aws;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The last day a scheduled function handled in full (sweep, purge, handover), one item per function
 * in the CampaignState table: the next run starts the day after and so catches up on missed days.
 */
public final class Checkpoints {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String name;

    public Checkpoints(DynamoDbClient dynamoDb, String table, String name) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.name = name;
    }

    public Optional<LocalDate> day() {
        return text().map(LocalDate::parse);
    }

    public void record(LocalDate day) {
        record(day.toString());
    }

    /** The checkpoint as written (a day, or an hour for the agenda's reminders). */
    public Optional<String> text() {
        var response = dynamoDb.getItem(r -> r.tableName(table).key(Map.of("name", s(name))).consistentRead(true));
        return response.hasItem() ? Optional.of(response.item().get("day").s()) : Optional.empty();
    }

    public void record(String value) {
        dynamoDb.putItem(r -> r.tableName(table).item(Map.of("name", s(name), "day", s(value))));
    }

    /** Records {@code day} unless a checkpoint exists. */
    public void recordIfAbsent(LocalDate day) {
        try {
            dynamoDb.putItem(r -> r.tableName(table).item(Map.of("name", s(name), "day", s(day.toString())))
                    .conditionExpression("attribute_not_exists(#name)")
                    .expressionAttributeNames(Map.of("#name", "name")));
        } catch (ConditionalCheckFailedException alreadyThere) {
            // Kept: a checkpoint only moves forward through record().
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
