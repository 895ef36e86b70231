package fr.espacesante.aws.lifecycle;

import fr.espacesante.aws.Checkpoints;
import fr.espacesante.aws.PageCursors;
import fr.espacesante.aws.space.DynamoDbSpaces;
import fr.espacesante.aws.space.SpaceItem;
import fr.espacesante.domain.lifecycle.port.out.PurgeSchedule;
import fr.espacesante.domain.person.PersonStatus;
import fr.espacesante.domain.space.SpaceStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The purge's side of DynamoDB: the DueForPurge index of the Spaces table (partition "day#shard",
 * written when a space is closed, removed when it is reopened), the claim and the final removal of
 * the space with the tombstone on the person, and the checkpoint in CampaignState.
 */
public final class DynamoDbPurgeSchedule implements PurgeSchedule {


    private final DynamoDbClient dynamoDb;
    private final String spacesTable;
    private final String personsTable;
    private final Checkpoints checkpoint;
    private final DoubleAdder readUnits = new DoubleAdder();

    public DynamoDbPurgeSchedule(DynamoDbClient dynamoDb, String spacesTable, String personsTable, String stateTable) {
        this.dynamoDb = dynamoDb;
        this.spacesTable = spacesTable;
        this.personsTable = personsTable;
        this.checkpoint = new Checkpoints(dynamoDb, stateTable, "purge");
    }

    @Override
    public Page due(LocalDate day, int shard, int limit, Optional<String> cursor) {
        String partition = day + "#" + shard;
        QueryResponse response = dynamoDb.query(r -> {
            r.tableName(spacesTable).indexName(SpaceItem.DUE_FOR_PURGE)
                    .keyConditionExpression("purgeShard = :due")
                    .expressionAttributeValues(Map.of(":due", s(partition)))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                    .limit(limit);
            cursor.map(c -> PageCursors.decode(c, Set.of("spaceKey", "purgeShard"), "purgeShard", partition))
                    .ifPresent(r::exclusiveStartKey);
        });
        if (response.consumedCapacity() != null && response.consumedCapacity().capacityUnits() != null) {
            readUnits.add(response.consumedCapacity().capacityUnits());
        }
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(PageCursors.encode(response.lastEvaluatedKey())) : Optional.empty();
        return new Page(response.items().stream().map(item -> item.get("spaceKey").s()).toList(), next);
    }

    @Override
    public boolean claim(String spaceKey, LocalDate day) {
        try {
            dynamoDb.updateItem(r -> r.tableName(spacesTable).key(Map.of("spaceKey", s(spaceKey)))
                    .updateExpression("SET #status = :purging ADD version :one")
                    .conditionExpression("purgeShard = :due")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":purging", s(SpaceStatus.PURGING.name()),
                            ":due", s(DynamoDbSpaces.purgeShard(day, spaceKey)), ":one", AttributeValue.fromN("1"))));
            return true;
        } catch (ConditionalCheckFailedException reopenedOrGone) {
            return false;
        }
    }

    @Override
    public boolean finish(String spaceKey, LocalDate day, Instant at) {
        TransactWriteItem removeSpace = TransactWriteItem.builder().delete(d -> d.tableName(spacesTable)
                .key(Map.of("spaceKey", s(spaceKey)))
                .conditionExpression("#status = :purging AND purgeShard = :due")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":purging", s(SpaceStatus.PURGING.name()),
                        ":due", s(DynamoDbSpaces.purgeShard(day, spaceKey))))).build();
        // The tombstone: the registry entry (the insurer's, delivered again by every import) says when the
        // space was deleted; the login link and the space's dates go.
        TransactWriteItem tombstone = TransactWriteItem.builder().update(u -> u.tableName(personsTable)
                .key(Map.of("personKey", s(spaceKey)))
                .updateExpression("SET #status = :deleted, spaceDeletedAt = :at"
                        + " REMOVE linkedSubject, spaceCreatedAt, notifyShard, dueShard")
                .conditionExpression("attribute_exists(personKey)")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":deleted", s(PersonStatus.SPACE_DELETED.name()),
                        ":at", s(at.toString())))).build();
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(removeSpace, tombstone));
            return true;
        } catch (TransactionCanceledException finishedElsewhere) {
            return false;
        }
    }

    @Override
    public Optional<LocalDate> purgedThrough() {
        return checkpoint.day();
    }

    @Override
    public void recordPurgedThrough(LocalDate day) {
        checkpoint.record(day);
    }

    @Override
    public void startNoLaterThan(LocalDate day) {
        checkpoint.recordIfAbsent(day.minusDays(1));
    }

    @Override
    public double consumedReadUnits() {
        return readUnits.sum();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
