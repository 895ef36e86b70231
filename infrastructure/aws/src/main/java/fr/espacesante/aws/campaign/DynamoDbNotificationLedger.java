package fr.espacesante.aws.campaign;

import static fr.espacesante.aws.campaign.Attributes.key;
import static fr.espacesante.aws.campaign.Attributes.opt;
import static fr.espacesante.aws.campaign.Attributes.s;
import static fr.espacesante.aws.campaign.Attributes.str;

import fr.espacesante.aws.SortableInstants;
import fr.espacesante.domain.campaign.Departments;
import fr.espacesante.domain.campaign.Notification;
import fr.espacesante.domain.person.PersonStatus;
import fr.espacesante.domain.campaign.port.out.NotificationLedger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The notification ledger: table Notifications (person, wave), with sparse indexes Unfinished
 * (entries not finished, by lease expiry), ByCode, ByDelivery and ByBatch. Every move is a
 * conditional write on the entry's owner and state; moves that touch the person or the wave's
 * counters are transactions.
 */
public final class DynamoDbNotificationLedger implements NotificationLedger {

    static final String UNFINISHED = "Unfinished";
    static final String BY_CODE = "ByCode";
    static final String BY_DELIVERY = "ByDelivery";
    static final String BY_BATCH = "ByBatch";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String personsTable;
    private final String wavesTable;

    public DynamoDbNotificationLedger(DynamoDbClient dynamoDb, String table, String personsTable, String wavesTable) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.personsTable = personsTable;
        this.wavesTable = wavesTable;
    }

    @Override
    public Optional<Notification> claim(Notification fresh) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("personKey", s(fresh.personKey()));
        item.put("waveId", s(fresh.waveId()));
        item.put("codeHash", s(fresh.codeHash()));
        item.put("deadline", s(fresh.deadline().toString()));
        item.put("channel", s(fresh.channel().name()));
        item.put("state", s(fresh.state().name()));
        item.put("owner", s(fresh.owner()));
        item.put("leaseUntil", s(SortableInstants.format(fresh.leaseUntil())));
        item.put("batchId", s(fresh.batchId()));
        item.put("unfinishedWave", s(fresh.waveId()));
        if (fresh.channel() == Notification.Channel.LETTER) {
            item.put("batchKey", s(fresh.waveId() + "#" + fresh.batchId()));
        }
        TransactWriteItem entry = TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(personKey)")).build();
        TransactWriteItem dequeue = TransactWriteItem.builder().update(u -> u.tableName(personsTable)
                .key(key("personKey", fresh.personKey()))
                .updateExpression("REMOVE notifyShard")
                .conditionExpression("attribute_exists(notifyShard) AND #status = :imported")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":imported", s(PersonStatus.IMPORTED.name())))).build();
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(entry, dequeue));
            return Optional.of(fresh);
        } catch (TransactionCanceledException taken) {
            return Optional.empty();
        }
    }

    @Override
    public List<Notification> abandoned(String waveId, Instant now, int limit) {
        return dynamoDb.query(r -> r.tableName(table).indexName(UNFINISHED)
                        .keyConditionExpression("unfinishedWave = :wave AND leaseUntil < :now")
                        .expressionAttributeValues(Map.of(":wave", s(waveId), ":now", s(SortableInstants.format(now))))
                        .limit(limit))
                .items().stream().map(DynamoDbNotificationLedger::toNotification).toList();
    }

    @Override
    public boolean hasUnfinished(String waveId) {
        return dynamoDb.query(r -> r.tableName(table).indexName(UNFINISHED)
                .keyConditionExpression("unfinishedWave = :wave")
                .expressionAttributeValues(Map.of(":wave", s(waveId))).limit(1)).count() > 0;
    }

    @Override
    public boolean takeOver(Notification abandoned, String owner, Instant leaseUntil) {
        return update(abandoned, "SET #owner = :new, leaseUntil = :lease",
                "#owner = :old AND leaseUntil = :oldLease AND attribute_exists(unfinishedWave)",
                new Attributes.Values().put(":new", owner).put(":lease", SortableInstants.format(leaseUntil))
                        .put(":old", abandoned.owner()).put(":oldLease", SortableInstants.format(abandoned.leaseUntil())));
    }

    @Override
    public boolean markSending(Notification notification) {
        return update(notification, "SET #state = :sending", "#owner = :me AND #state = :claimed",
                new Attributes.Values().put(":sending", Notification.State.SENDING.name())
                        .put(":me", notification.owner()).put(":claimed", Notification.State.CLAIMED.name()));
    }

    @Override
    public boolean markSent(Notification n, String deliveryId, Instant at) {
        boolean letter = n.channel() == Notification.Channel.LETTER;
        // A letter stays unfinished until its batch's manifest is written.
        String entryUpdate = "SET #state = :sent, deliveryId = :delivery, sentAt = :at" + (letter ? "" : " REMOVE unfinishedWave");
        TransactWriteItem entry = TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key("personKey", n.personKey(), "waveId", n.waveId()))
                .updateExpression(entryUpdate)
                .conditionExpression("#owner = :me AND #state IN (:claimed, :sending)")
                .expressionAttributeNames(Map.of("#state", "state", "#owner", "owner"))
                .expressionAttributeValues(new Attributes.Values().put(":sent", Notification.State.SENT.name())
                        .put(":delivery", deliveryId).put(":at", at.toString()).put(":me", n.owner())
                        .put(":claimed", Notification.State.CLAIMED.name())
                        .put(":sending", Notification.State.SENDING.name()).map()).build()).build();
        TransactWriteItem person = TransactWriteItem.builder().update(u -> u.tableName(personsTable)
                .key(key("personKey", n.personKey()))
                .updateExpression("SET #status = :notified, notifiedBy = :wave, deadline = :deadline, dueShard = :due")
                // From IMPORTED; or NOTIFIED by this wave when a bounced e-mail became a letter (new deadline).
                .conditionExpression("#status = :imported OR (#status = :notified AND notifiedBy = :wave)")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(new Attributes.Values().put(":notified", PersonStatus.NOTIFIED.name())
                        .put(":imported", PersonStatus.IMPORTED.name()).put(":wave", n.waveId())
                        .put(":deadline", n.deadline().toString())
                        .put(":due", n.deadline() + "#" + Departments.shardOf(n.personKey())).map())).build();
        TransactWriteItem count = countOnWave(n.waveId(), letter ? "sentByLetter" : "sentByEmail");
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(entry, person, count));
            return true;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (failed(reasons, 0)) {
                return false;
            }
            // The person objected (or got their space) after the claim: the notification still went out.
            try {
                dynamoDb.transactWriteItems(r -> r.transactItems(entry, count));
                return true;
            } catch (TransactionCanceledException lost) {
                return false;
            }
        }
    }

    @Override
    public void switchToLetter(Notification n, String reason, String batchId, LocalDate deadline, Instant leaseUntil) {
        TransactWriteItem entry = TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key("personKey", n.personKey(), "waveId", n.waveId()))
                .updateExpression("SET channel = :letter, #state = :claimed, failure = :reason, batchId = :batch,"
                        + " batchKey = :batchKey, deadline = :deadline, unfinishedWave = :wave, leaseUntil = :lease"
                        + " REMOVE deliveryId")
                .conditionExpression("channel = :email AND (#owner = :me OR #state = :sent)")
                .expressionAttributeNames(Map.of("#state", "state", "#owner", "owner"))
                .expressionAttributeValues(new Attributes.Values().put(":letter", Notification.Channel.LETTER.name())
                        .put(":claimed", Notification.State.CLAIMED.name()).put(":reason", reason)
                        .put(":batch", batchId).put(":batchKey", n.waveId() + "#" + batchId)
                        .put(":deadline", deadline.toString()).put(":wave", n.waveId())
                        .put(":lease", SortableInstants.format(leaseUntil))
                        .put(":email", Notification.Channel.EMAIL.name()).put(":me", n.owner())
                        .put(":sent", Notification.State.SENT.name()).map()).build()).build();
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(entry, countOnWave(n.waveId(), "failed")));
        } catch (TransactionCanceledException alreadySwitched) {
            // Another run or a replayed bounce switched it already.
        }
    }

    @Override
    public List<Notification> batch(String waveId, String batchId) {
        List<Notification> entries = new ArrayList<>();
        QueryRequest request = QueryRequest.builder().tableName(table).indexName(BY_BATCH)
                .keyConditionExpression("batchKey = :batch")
                .expressionAttributeValues(Map.of(":batch", s(waveId + "#" + batchId))).build();
        // The index holds keys only and is eventually consistent: read each entry itself.
        dynamoDb.queryPaginator(request).items().forEach(item -> find(item.get("personKey").s(), waveId)
                .filter(e -> e.channel() == Notification.Channel.LETTER && batchId.equals(e.batchId()))
                .ifPresent(entries::add));
        return entries;
    }

    @Override
    public void manifestWritten(List<Notification> letters) {
        for (Notification letter : letters) {
            update(letter, "REMOVE unfinishedWave", "#state = :sent",
                    new Attributes.Values().put(":sent", Notification.State.SENT.name()));
        }
    }

    @Override
    public Optional<Notification> findByCodeHash(String codeHash) {
        return firstOf(BY_CODE, "codeHash", codeHash);
    }

    @Override
    public Optional<Notification> findByDeliveryId(String deliveryId) {
        return firstOf(BY_DELIVERY, "deliveryId", deliveryId);
    }

    @Override
    public Optional<Notification> find(String personKey, String waveId) {
        var response = dynamoDb.getItem(r -> r.tableName(table).key(key("personKey", personKey, "waveId", waveId))
                .consistentRead(true));
        return response.hasItem() ? Optional.of(toNotification(response.item())) : Optional.empty();
    }

    private Optional<Notification> firstOf(String index, String attribute, String value) {
        var items = dynamoDb.query(r -> r.tableName(table).indexName(index)
                .keyConditionExpression(attribute + " = :v")
                .expressionAttributeValues(Map.of(":v", s(value))).limit(1)).items();
        return items.isEmpty() ? Optional.empty()
                : find(items.getFirst().get("personKey").s(), items.getFirst().get("waveId").s());
    }

    private boolean update(Notification n, String expression, String condition, Attributes.Values values) {
        Map<String, String> names = new HashMap<>();
        if (expression.contains("#state") || condition.contains("#state")) {
            names.put("#state", "state");
        }
        if (expression.contains("#owner") || condition.contains("#owner")) {
            names.put("#owner", "owner");
        }
        try {
            dynamoDb.updateItem(r -> {
                r.tableName(table).key(key("personKey", n.personKey(), "waveId", n.waveId()))
                        .updateExpression(expression).conditionExpression(condition)
                        .expressionAttributeValues(values.map());
                if (!names.isEmpty()) {
                    r.expressionAttributeNames(names);
                }
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private TransactWriteItem countOnWave(String waveId, String counter) {
        return TransactWriteItem.builder().update(u -> u.tableName(wavesTable).key(key("waveId", waveId))
                .updateExpression("ADD " + counter + " :one")
                .expressionAttributeValues(Map.of(":one", Attributes.n(1)))).build();
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return reasons != null && reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static Notification toNotification(Map<String, AttributeValue> item) {
        return new Notification(str(item, "personKey"), str(item, "waveId"), str(item, "codeHash"),
                LocalDate.parse(str(item, "deadline")), Notification.Channel.valueOf(str(item, "channel")),
                Notification.State.valueOf(str(item, "state")), str(item, "owner"),
                SortableInstants.parse(str(item, "leaseUntil")), str(item, "batchId"), opt(item, "deliveryId"),
                opt(item, "failure"));
    }
}
