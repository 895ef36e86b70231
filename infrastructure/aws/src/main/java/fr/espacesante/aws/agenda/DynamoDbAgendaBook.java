package fr.espacesante.aws.agenda;

import fr.espacesante.aws.Checkpoints;
import fr.espacesante.aws.PageCursors;
import fr.espacesante.aws.Queries;
import fr.espacesante.domain.agenda.AgendaItem;
import fr.espacesante.domain.agenda.PreventionCalendar;
import fr.espacesante.domain.agenda.port.out.AgendaBook;
import fr.espacesante.domain.agenda.port.out.CalendarSubscriptions;
import fr.espacesante.domain.agenda.port.out.PreventionMarks;
import fr.espacesante.domain.campaign.Departments;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The Agenda table, in the space's partition: entries ({@code item#<id>}, in time order by the local
 * index ByTime on {@code timeKey = "<Paris date-time>#<id>"}) and one counter of reminders per date
 * ({@code compte#<date>}). A reminder e-mail still due carries {@code reminderShard = "<UTC hour>#<shard>"},
 * the key of the sparse index ByReminderHour; it leaves it once sent.
 */
public final class DynamoDbAgendaBook implements AgendaBook, PreventionMarks, CalendarSubscriptions {

    public static final String BY_TIME = "ByTime";
    public static final String BY_REMINDER_HOUR = "ByReminderHour";
    /** Item key prefix of the prevention calendar's statuses. */
    private static final String PREVENTION = "prevention#";
    /** Item key of a calendar subscription, and partition prefix of its token's hash. */
    public static final String SUBSCRIPTION = "abonnement#";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Checkpoints checkpoint;
    private final java.util.concurrent.atomic.DoubleAdder readUnits = new java.util.concurrent.atomic.DoubleAdder();

    public DynamoDbAgendaBook(DynamoDbClient dynamoDb, String table, String stateTable) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.checkpoint = stateTable == null ? null : new Checkpoints(dynamoDb, stateTable, "rappels-agenda");
    }

    @Override
    public boolean add(AgendaItem item, int maxRemindersPerDate) {
        TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(table).item(toItem(item))
                .conditionExpression("attribute_not_exists(itemKey)")).build();
        if (item.kind() != AgendaItem.Kind.REMINDER) {
            dynamoDb.transactWriteItems(r -> r.transactItems(put));
            return true;
        }
        TransactWriteItem count = TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(key(item.spaceKey(), "compte#" + item.at().toLocalDate()))
                .updateExpression("ADD reminders :one")
                .conditionExpression("attribute_not_exists(reminders) OR reminders < :max")
                .expressionAttributeValues(Map.of(":one", n(1), ":max", n(maxRemindersPerDate)))).build();
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(put, count));
            return true;
        } catch (TransactionCanceledException full) {
            return false;
        }
    }

    @Override
    public Optional<AgendaItem> find(String spaceKey, String itemId) {
        var item = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true).key(key(spaceKey, "item#" + itemId))).item();
        return item.isEmpty() ? Optional.empty() : Optional.of(toAgendaItem(item));
    }

    @Override
    public void update(AgendaItem item) {
        dynamoDb.putItem(r -> r.tableName(table).item(toItem(item)).conditionExpression("attribute_exists(itemKey)"));
    }

    @Override
    public void delete(AgendaItem item) {
        TransactWriteItem delete = TransactWriteItem.builder().delete(d -> d.tableName(table)
                .key(key(item.spaceKey(), "item#" + item.itemId()))).build();
        if (item.kind() != AgendaItem.Kind.REMINDER) {
            dynamoDb.transactWriteItems(r -> r.transactItems(delete));
            return;
        }
        TransactWriteItem count = TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(key(item.spaceKey(), "compte#" + item.at().toLocalDate()))
                .updateExpression("ADD reminders :less").expressionAttributeValues(Map.of(":less", n(-1)))).build();
        dynamoDb.transactWriteItems(r -> r.transactItems(delete, count));
    }

    @Override
    public Page list(String spaceKey, LocalDate from, int limit, Optional<String> cursor) {
        QueryResponse response = PageCursors.query(cursor, () -> dynamoDb.query(r -> {
            r.tableName(table).indexName(BY_TIME).consistentRead(true)
                    .keyConditionExpression("spaceKey = :k AND timeKey >= :from")
                    .expressionAttributeValues(Map.of(":k", s(spaceKey), ":from", s(from.atStartOfDay().toString())))
                    .limit(limit);
            cursor.map(c -> PageCursors.decode(c, Set.of("spaceKey", "itemKey", "timeKey"), "spaceKey", spaceKey))
                    .ifPresent(r::exclusiveStartKey);
        }));
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(PageCursors.encode(response.lastEvaluatedKey(), "spaceKey")) : Optional.empty();
        return new Page(response.items().stream().map(DynamoDbAgendaBook::toAgendaItem).toList(), next);
    }

    @Override
    public DuePage due(Instant hour, int shard, int limit, Optional<String> cursor) {
        String partition = hour + "#" + shard;
        QueryResponse response = dynamoDb.query(r -> {
            r.tableName(table).indexName(BY_REMINDER_HOUR).keyConditionExpression("reminderShard = :due")
                    .expressionAttributeValues(Map.of(":due", s(partition))).limit(limit)
                    .returnConsumedCapacity(software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity.TOTAL);
            cursor.map(c -> PageCursors.decode(c, Set.of("spaceKey", "itemKey", "reminderShard"), "reminderShard", partition))
                    .ifPresent(r::exclusiveStartKey);
        });
        if (response.consumedCapacity() != null && response.consumedCapacity().capacityUnits() != null) {
            readUnits.add(response.consumedCapacity().capacityUnits());
        }
        return new DuePage(response.items().stream().map(item -> new Due(item.get("spaceKey").s(),
                item.get("itemKey").s().substring("item#".length()))).toList(), next(response));
    }

    @Override
    public boolean claim(Due due, Instant hour, String owner, Instant now, Instant leaseUntil) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(key(due.spaceKey(), "item#" + due.itemId()))
                    .updateExpression("SET reminderOwner = :owner, reminderLease = :lease")
                    .conditionExpression("reminderShard = :due AND (attribute_not_exists(reminderLease) OR reminderLease < :now)")
                    .expressionAttributeValues(Map.of(":owner", s(owner), ":lease", s(leaseUntil.toString()),
                            ":due", s(shardOf(hour, due.spaceKey())), ":now", s(now.toString()))));
            return true;
        } catch (ConditionalCheckFailedException takenOrSent) {
            return false;
        }
    }

    @Override
    public boolean markSent(Due due, String owner) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(key(due.spaceKey(), "item#" + due.itemId()))
                    .updateExpression("REMOVE reminderShard, reminderLease, remindAt SET reminderOwner = :owner")
                    .conditionExpression("reminderOwner = :owner")
                    .expressionAttributeValues(Map.of(":owner", s(owner))));
            return true;
        } catch (ConditionalCheckFailedException notOurs) {
            return false;
        }
    }

    @Override
    public Optional<Instant> remindedThrough() {
        return checkpoint.text().map(Instant::parse);
    }

    @Override
    public void recordRemindedThrough(Instant hour) {
        checkpoint.record(hour.toString());
    }

    @Override
    public Map<String, PreventionCalendar.Mark> preventionMarks(String spaceKey) {
        Map<String, PreventionCalendar.Mark> marks = new HashMap<>();
        Queries.forEachItem(dynamoDb, software.amazon.awssdk.services.dynamodb.model.QueryRequest.builder().tableName(table)
                .consistentRead(true).keyConditionExpression("spaceKey = :k AND begins_with(itemKey, :p)")
                .expressionAttributeValues(Map.of(":k", s(spaceKey), ":p", s(PREVENTION))), item ->
                marks.put(item.get("itemKey").s().substring(PREVENTION.length()), new PreventionCalendar.Mark(
                        PreventionCalendar.Status.valueOf(item.get("status").s()), opt(item, "doneOn").map(LocalDate::parse),
                        Instant.parse(item.get("setAt").s()))));
        return marks;
    }

    @Override
    public void markPrevention(String spaceKey, String code, Optional<PreventionCalendar.Mark> mark) {
        if (mark.isEmpty()) {
            dynamoDb.deleteItem(r -> r.tableName(table).key(key(spaceKey, PREVENTION + code)));
            return;
        }
        Map<String, AttributeValue> item = new HashMap<>(key(spaceKey, PREVENTION + code));
        item.put("status", s(mark.get().status().name()));
        mark.get().doneOn().ifPresent(d -> item.put("doneOn", s(d.toString())));
        item.put("setAt", s(mark.get().setAt().toString()));
        dynamoDb.putItem(r -> r.tableName(table).item(item));
    }

    /**
     * The subscription lives twice: under its token's hash (its own partition, found by the feed) and
     * in the space's partition (so the space finds, replaces, revokes and erases it), both in one transaction.
     */
    @Override
    public void subscribe(Subscription subscription) {
        // The space's pointer is written only if it still names the subscription read: two creations at
        // once cannot leave a token the pointer forgets (it could then never be revoked nor erased).
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Subscription> old = subscription(subscription.spaceKey());
            List<TransactWriteItem> writes = new java.util.ArrayList<>();
            old.ifPresent(o -> writes.add(TransactWriteItem.builder()
                    .delete(d -> d.tableName(table).key(key(SUBSCRIPTION + o.tokenHash(), SUBSCRIPTION))).build()));
            Map<String, AttributeValue> byToken = new HashMap<>(key(SUBSCRIPTION + subscription.tokenHash(), SUBSCRIPTION));
            byToken.put("subscribedSpace", s(subscription.spaceKey()));
            byToken.put("createdAt", s(subscription.createdAt().toString()));
            byToken.put("createdBy", s(subscription.createdBy()));
            Map<String, AttributeValue> bySpace = new HashMap<>(key(subscription.spaceKey(), SUBSCRIPTION));
            bySpace.put("tokenHash", s(subscription.tokenHash()));
            bySpace.put("createdAt", s(subscription.createdAt().toString()));
            bySpace.put("createdBy", s(subscription.createdBy()));
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(byToken)).build());
            writes.add(TransactWriteItem.builder().put(p -> {
                p.tableName(table).item(bySpace);
                if (old.isPresent()) {
                    p.conditionExpression("tokenHash = :old").expressionAttributeValues(Map.of(":old", s(old.get().tokenHash())));
                } else {
                    p.conditionExpression("attribute_not_exists(itemKey)");
                }
            }).build());
            try {
                dynamoDb.transactWriteItems(r -> r.transactItems(writes));
                return;
            } catch (TransactionCanceledException anotherCreation) {
                // read the pointer again
            }
        }
        throw new IllegalStateException("calendar subscription kept changing");
    }

    @Override
    public Optional<Subscription> subscription(String spaceKey) {
        var item = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true).key(key(spaceKey, SUBSCRIPTION))).item();
        return item.isEmpty() ? Optional.empty()
                : Optional.of(new Subscription(spaceKey, item.get("tokenHash").s(), Instant.parse(item.get("createdAt").s()),
                        creator(item)));
    }

    @Override
    public Optional<Subscription> subscriptionByToken(String tokenHash) {
        var item = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true).key(key(SUBSCRIPTION + tokenHash, SUBSCRIPTION)))
                .item();
        return item.isEmpty() ? Optional.empty() : Optional.of(new Subscription(item.get("subscribedSpace").s(), tokenHash,
                Instant.parse(item.get("createdAt").s()), creator(item)));
    }

    /** Subscriptions made before their creator was kept have none: they stop, and are made again. */
    private static String creator(Map<String, AttributeValue> item) {
        AttributeValue creator = item.get("createdBy");
        return creator == null ? null : creator.s();
    }

    @Override
    public void unsubscribe(String spaceKey) {
        subscription(spaceKey).ifPresent(old -> dynamoDb.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(SUBSCRIPTION + old.tokenHash(), SUBSCRIPTION))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(spaceKey, SUBSCRIPTION))).build())));
    }

    /** The read capacity the due-hour queries consumed, for the reminders benchmark. */
    public double consumedReadUnits() {
        return readUnits.sum();
    }

    /** The index partition of a reminder: its UTC hour and its space's shard. */
    public static String shardOf(Instant hour, String spaceKey) {
        return hour.truncatedTo(ChronoUnit.HOURS) + "#" + Departments.shardOf(spaceKey);
    }

    private static Map<String, AttributeValue> toItem(AgendaItem i) {
        Map<String, AttributeValue> item = new HashMap<>(key(i.spaceKey(), "item#" + i.itemId()));
        item.put("itemId", s(i.itemId()));
        item.put("timeKey", s(i.at() + "#" + i.itemId()));
        item.put("kind", s(i.kind().name()));
        item.put("title", s(i.title()));
        i.rpps().ifPresent(v -> item.put("rpps", s(v)));
        i.finess().ifPresent(v -> item.put("finess", s(v)));
        i.speciality().ifPresent(v -> item.put("speciality", s(v)));
        item.put("at", s(i.at().toString()));
        i.address().ifPresent(v -> item.put("address", s(v)));
        item.put("status", s(i.status().name()));
        i.note().ifPresent(v -> item.put("note", s(v)));
        i.remindDaysBefore().ifPresent(v -> item.put("remindDaysBefore", n(v)));
        i.remindAt().ifPresent(v -> {
            item.put("remindAt", s(v.toString()));
            item.put("reminderShard", s(shardOf(v, i.spaceKey())));
        });
        item.put("createdAt", s(i.createdAt().toString()));
        return item;
    }

    private static AgendaItem toAgendaItem(Map<String, AttributeValue> item) {
        return new AgendaItem(item.get("spaceKey").s(), item.get("itemId").s(), AgendaItem.Kind.valueOf(item.get("kind").s()),
                item.get("title").s(), opt(item, "rpps"), opt(item, "finess"), opt(item, "speciality"),
                LocalDateTime.parse(item.get("at").s()), opt(item, "address"), AgendaItem.Status.valueOf(item.get("status").s()),
                opt(item, "note"), Optional.ofNullable(item.get("remindDaysBefore")).map(v -> Integer.parseInt(v.n())),
                opt(item, "remindAt").map(Instant::parse), Instant.parse(item.get("createdAt").s()));
    }

    private static Optional<String> opt(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
    }

    private static Optional<String> next(QueryResponse response) {
        return response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(PageCursors.encode(response.lastEvaluatedKey())) : Optional.empty();
    }

    private static Map<String, AttributeValue> key(String spaceKey, String itemKey) {
        return Map.of("spaceKey", s(spaceKey), "itemKey", s(itemKey));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
