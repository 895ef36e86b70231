package fr.espacesante.aws.family;

import fr.espacesante.aws.Checkpoints;
import fr.espacesante.aws.PageCursors;
import fr.espacesante.aws.SortableInstants;
import fr.espacesante.aws.access.DynamoDbAccessHistory;
import fr.espacesante.domain.access.AccessEntry;
import fr.espacesante.domain.family.ComingOfAge;
import fr.espacesante.domain.family.port.out.Handovers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The handover in DynamoDB: the ComingOfAge index of the Guardianships table (partition
 * "18th birthday#shard", written at attachment, removed at handover); ledger entries in the
 * Notifications table under the "wave" {@value ComingOfAge#HANDOVER}, in the campaign's item format,
 * so that activation with the code finds them by the ByCode index like a wave's; the checkpoint in
 * CampaignState.
 */
public final class DynamoDbHandovers implements Handovers {

    public static final String COMING_OF_AGE = "ComingOfAge";

    /** The tables a handover touches. */
    public record Tables(String guardianships, String notifications, String spaces, String accessHistory, String state) {
    }

    private final DynamoDbClient dynamoDb;
    private final Tables tables;
    private final Checkpoints checkpoint;

    public DynamoDbHandovers(DynamoDbClient dynamoDb, Tables tables) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        this.checkpoint = new Checkpoints(dynamoDb, tables.state(), "majorite");
    }

    /** The index partition of a child: their 18th birthday and their shard, like the sweep's. */
    public static String majorityShard(LocalDate eighteenthBirthday, String childKey) {
        return eighteenthBirthday + "#" + fr.espacesante.domain.campaign.Departments.shardOf(childKey);
    }

    @Override
    public Page due(LocalDate birthday, int shard, int limit, Optional<String> cursor) {
        String partition = birthday + "#" + shard;
        var response = dynamoDb.query(r -> {
            r.tableName(tables.guardianships()).indexName(COMING_OF_AGE)
                    .keyConditionExpression("majorityShard = :due")
                    .expressionAttributeValues(Map.of(":due", s(partition)))
                    .limit(limit);
            cursor.map(c -> PageCursors.decode(c, Set.of("parentKey", "reference", "majorityShard"), "majorityShard",
                    partition)).ifPresent(r::exclusiveStartKey);
        });
        List<Due> due = response.items().stream().map(item -> new Due(item.get("childKey").s(), item.get("parentKey").s(),
                item.get("reference").s())).toList();
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(PageCursors.encode(response.lastEvaluatedKey())) : Optional.empty();
        return new Page(due, next);
    }

    @Override
    public Optional<Entry> claim(Entry fresh, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(fresh.childKey()));
        item.put("codeHash", s(fresh.codeHash()));
        item.put("deadline", s(fresh.codeValidUntil().toString()));
        item.put("channel", s(fresh.channel().name()));
        item.put("state", s(State.CLAIMED.name()));
        item.put("owner", s(fresh.owner()));
        item.put("leaseUntil", s(SortableInstants.format(fresh.leaseUntil())));
        item.put("batchId", s(ComingOfAge.HANDOVER));
        try {
            dynamoDb.putItem(r -> r.tableName(tables.notifications()).item(item)
                    .conditionExpression("attribute_not_exists(personKey)"));
            return Optional.of(fresh);
        } catch (ConditionalCheckFailedException exists) {
            return takeOver(fresh, now);
        }
    }

    /** An entry a crashed run left: taken over by one run only, once its lease has expired, unless sent. */
    private Optional<Entry> takeOver(Entry fresh, Instant now) {
        var stored = dynamoDb.getItem(r -> r.tableName(tables.notifications()).key(key(fresh.childKey()))
                .consistentRead(true)).item();
        State state = State.valueOf(stored.get("state").s());
        Instant lease = SortableInstants.parse(stored.get("leaseUntil").s());
        if (state == State.SENT || !lease.isBefore(now)) {
            return Optional.empty();
        }
        try {
            dynamoDb.updateItem(r -> r.tableName(tables.notifications()).key(key(fresh.childKey()))
                    .updateExpression("SET #owner = :new, leaseUntil = :lease")
                    .conditionExpression("#owner = :old AND leaseUntil = :oldLease AND #state <> :sent")
                    .expressionAttributeNames(Map.of("#owner", "owner", "#state", "state"))
                    .expressionAttributeValues(Map.of(":new", s(fresh.owner()),
                            ":lease", s(SortableInstants.format(fresh.leaseUntil())), ":old", stored.get("owner"),
                            ":oldLease", stored.get("leaseUntil"), ":sent", s(State.SENT.name()))));
        } catch (ConditionalCheckFailedException anotherRunFirst) {
            return Optional.empty();
        }
        return Optional.of(new Entry(fresh.childKey(), stored.get("codeHash").s(), LocalDate.parse(stored.get("deadline").s()),
                Channel.valueOf(stored.get("channel").s()), state, fresh.owner(), fresh.leaseUntil()));
    }

    @Override
    public boolean markSending(Entry entry) {
        try {
            dynamoDb.updateItem(r -> r.tableName(tables.notifications()).key(key(entry.childKey()))
                    .updateExpression("SET #state = :sending")
                    .conditionExpression("#owner = :me AND #state IN (:claimed, :sending)")
                    .expressionAttributeNames(Map.of("#owner", "owner", "#state", "state"))
                    .expressionAttributeValues(Map.of(":sending", s(State.SENDING.name()), ":me", s(entry.owner()),
                            ":claimed", s(State.CLAIMED.name()))));
            return true;
        } catch (ConditionalCheckFailedException notOurs) {
            return false;
        }
    }

    @Override
    public boolean markSent(Entry entry, Due due, String deliveryId, AccessEntry handover) {
        TransactWriteItem sent = TransactWriteItem.builder().update(u -> u.tableName(tables.notifications())
                .key(key(entry.childKey()))
                .updateExpression("SET #state = :sent, deliveryId = :delivery, sentAt = :at")
                .conditionExpression("#owner = :me AND #state IN (:claimed, :sending)")
                .expressionAttributeNames(Map.of("#owner", "owner", "#state", "state"))
                .expressionAttributeValues(Map.of(":sent", s(State.SENT.name()), ":delivery", s(deliveryId),
                        ":at", s(handover.at().toString()), ":me", s(entry.owner()),
                        ":claimed", s(State.CLAIMED.name()), ":sending", s(State.SENDING.name())))).build();
        // The guardianship ends: nothing of the young adult stays on the former parent's side.
        TransactWriteItem outOfIndex = TransactWriteItem.builder().delete(d -> d.tableName(tables.guardianships())
                .key(Map.of("parentKey", s(due.parentKey()), "reference", s(due.reference())))).build();
        TransactWriteItem parentOut = TransactWriteItem.builder().update(u -> u.tableName(tables.spaces())
                .key(Map.of("spaceKey", s(due.childKey())))
                .updateExpression("DELETE legalRepresentatives :parent ADD version :one")
                .conditionExpression("attribute_exists(spaceKey)")
                .expressionAttributeValues(Map.of(":parent", AttributeValue.fromSs(List.of(due.parentKey())),
                        ":one", AttributeValue.fromN("1")))).build();
        TransactWriteItem history = TransactWriteItem.builder().put(p -> p.tableName(tables.accessHistory())
                .item(DynamoDbAccessHistory.toAttributes(handover))
                .conditionExpression("attribute_not_exists(entryKey)")).build();
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(sent, outOfIndex, parentOut, history));
            return true;
        } catch (TransactionCanceledException notOurs) {
            return false;
        }
    }

    @Override
    public Optional<LocalDate> handedOverThrough() {
        return checkpoint.day();
    }

    @Override
    public void recordHandedOverThrough(LocalDate day) {
        checkpoint.record(day);
    }

    private static Map<String, AttributeValue> key(String childKey) {
        return Map.of("personKey", s(childKey), "waveId", s(ComingOfAge.HANDOVER));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
