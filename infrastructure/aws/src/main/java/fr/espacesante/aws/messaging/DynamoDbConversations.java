package fr.espacesante.aws.messaging;

import fr.espacesante.aws.PageCursors;
import fr.espacesante.aws.SortableInstants;
import fr.espacesante.domain.error.InvalidCursorException;
import fr.espacesante.domain.messaging.Conversation;
import fr.espacesante.domain.messaging.Message;
import fr.espacesante.domain.messaging.port.out.Conversations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The Messages table, in the patient's partition ({@code spaceKey}): conversations
 * ({@code conv#<id>}), their messages ({@code msg#<conversation>#<sent at>#<id>}, newest first by
 * sort key) and the links from a file being checked to its message ({@code attente#<document>}).
 * Indexes, one per listing: ByPatient ({@code patientInbox}, newest first; absent once deleted from
 * the patient's view), ByProfessional ({@code proInbox} = RPPS, sort key {@code "1|0#<last>#<id>"}:
 * unread first, then newest), ById (a professional names a conversation by id). A professional's
 * setting lives under {@code pro#<rpps>}. Text is stored as written: the table is encrypted with the
 * stack's KMS key.
 */
public final class DynamoDbConversations implements Conversations {

    public static final String BY_PATIENT = "ByPatient";
    public static final String BY_PROFESSIONAL = "ByProfessional";
    public static final String BY_ID = "ById";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String historyTable;
    private final String spacesTable;

    /**
     * @param historyTable where the access-history entry allowing a message is written with it
     * @param spacesTable whose version the decision was taken on (checked in the same transaction)
     */
    public DynamoDbConversations(DynamoDbClient dynamoDb, String table, String historyTable, String spacesTable) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.historyTable = historyTable;
        this.spacesTable = spacesTable;
    }

    @Override
    public Optional<Conversation> find(String spaceKey, String conversationId) {
        var item = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(spaceKey, "conv#" + conversationId))).item();
        return item.isEmpty() ? Optional.empty() : Optional.of(toConversation(item));
    }

    @Override
    public Optional<Conversation> byId(String conversationId) {
        var items = dynamoDb.query(r -> r.tableName(table).indexName(BY_ID).keyConditionExpression("conversationId = :c")
                .expressionAttributeValues(Map.of(":c", s(conversationId))).limit(1)).items();
        // The index is eventually consistent: the conversation itself is read from the table.
        return items.isEmpty() ? Optional.empty() : find(items.getFirst().get("spaceKey").s(), conversationId);
    }

    @Override
    public void start(Conversation c, Message first) {
        Map<String, AttributeValue> conversation = new HashMap<>();
        conversation.putAll(key(c.spaceKey(), "conv#" + c.conversationId()));
        conversation.put("conversationId", s(c.conversationId()));
        conversation.put("rpps", s(c.professionalRpps()));
        conversation.put("professionalName", s(c.professionalName()));
        conversation.put("patientName", s(c.patientName()));
        conversation.put("subject", s(c.subject()));
        conversation.put("startedByPatient", AttributeValue.fromBool(c.startedByPatient()));
        conversation.put("ended", AttributeValue.fromBool(false));
        conversation.put("hidden", AttributeValue.fromBool(c.hiddenFromRepresentatives()));
        conversation.put("startedAt", s(c.startedAt().toString()));
        conversation.put("lastMessageAt", s(c.lastMessageAt().toString()));
        conversation.put("unreadByPatient", n(0));
        conversation.put("unreadByProfessional", n(0));
        conversation.put("professionalWrote", AttributeValue.fromBool(false));
        conversation.put("proInbox", s(c.professionalRpps()));
        conversation.put("proKey", s("0#" + SortableInstants.format(c.lastMessageAt()) + "#" + c.conversationId()));
        if (first.side() == Message.Side.PATIENT) {
            conversation.put("patientInbox", s(c.spaceKey()));
            conversation.put("inboxKey", s(SortableInstants.format(c.lastMessageAt()) + "#" + c.conversationId()));
        }
        if (first.status() == Message.Status.SENT) {
            // Sent at once: the conversation is written already moved by it, in the same transaction, so that no
            // crash leaves a sent message the patient's inbox does not show.
            conversation.putAll(movedBy(c, first));
            conversation.put(unreadCounter(first), n(1));
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(conversation)
                .conditionExpression("attribute_not_exists(itemKey)")).build());
        writes.addAll(messageWrites(first));
        dynamoDb.transactWriteItems(r -> r.transactItems(writes));
    }

    @Override
    public boolean add(Conversation c, Message message, fr.espacesante.domain.access.AccessEntry allowedBy, long spaceVersion) {
        List<TransactWriteItem> writes = new ArrayList<>(messageWrites(message));
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(historyTable)
                .item(fr.espacesante.aws.access.DynamoDbAccessHistory.toAttributes(allowedBy))
                .conditionExpression("attribute_not_exists(entryKey)")).build());
        // The decision was taken on this version of the space: written only if it still stands.
        String atVersion = spaceVersion == 0 ? "attribute_exists(spaceKey) AND (attribute_not_exists(version) OR version = :v)"
                : "version = :v";
        writes.add(TransactWriteItem.builder().conditionCheck(k -> k.tableName(spacesTable)
                .key(Map.of("spaceKey", s(c.spaceKey()))).conditionExpression(atVersion)
                .expressionAttributeValues(Map.of(":v", n(spaceVersion)))).build());
        if (message.status() == Message.Status.SENT) {
            writes.add(TransactWriteItem.builder().update(movedUpdate(c, message)).build());
        }
        // One transaction: the message, the conversation's move and the decision's record never part.
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(writes));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException changed) {
            return false;
        }
    }

    /** The message, and the links from each file being checked to it. */
    private List<TransactWriteItem> messageWrites(Message m) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.putAll(key(m.spaceKey(), messageKey(m)));
        item.put("messageId", s(m.messageId()));
        item.put("conversationId", s(m.conversationId()));
        item.put("sentAt", s(m.sentAt().toString()));
        item.put("side", s(m.side().name()));
        item.put("authorName", s(m.authorName()));
        m.signature().ifPresent(v -> item.put("signature", s(v)));
        item.put("text", s(m.text()));
        item.put("status", s(m.status().name()));
        item.put("attachments", AttributeValue.fromL(m.attachments().stream().map(a -> AttributeValue.fromM(Map.of(
                "documentId", s(a.documentId()), "title", s(a.title()), "contentType", s(a.contentType()),
                "size", n(a.size())))).toList()));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build());
        if (m.status() == Message.Status.AWAITING) {
            for (Message.Attachment a : m.attachments()) {
                writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(Map.of(
                        "spaceKey", s(m.spaceKey()), "itemKey", s("attente#" + a.documentId()),
                        "messageKey", s(messageKey(m))))).build());
            }
        }
        return writes;
    }

    /** A message went out: the conversation comes first in the listings and the other side has one more unread. */
    private software.amazon.awssdk.services.dynamodb.model.Update movedUpdate(Conversation c, Message m) {
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> assignments = new ArrayList<>();
        movedBy(c, m).forEach((name, value) -> {
            assignments.add(name + " = :" + name);
            values.put(":" + name, value);
        });
        values.put(":one", n(1));
        return software.amazon.awssdk.services.dynamodb.model.Update.builder().tableName(table)
                .key(key(c.spaceKey(), "conv#" + c.conversationId()))
                .updateExpression("SET " + String.join(", ", assignments) + " ADD " + unreadCounter(m) + " :one")
                .expressionAttributeValues(values).build();
    }

    /** What a message going out sets on its conversation (its unread counter apart). */
    private static Map<String, AttributeValue> movedBy(Conversation c, Message m) {
        String last = SortableInstants.format(m.sentAt()) + "#" + c.conversationId();
        Map<String, AttributeValue> set = new LinkedHashMap<>();
        set.put("lastMessageAt", s(m.sentAt().toString()));
        set.put("patientInbox", s(c.spaceKey()));
        set.put("inboxKey", s(last));
        if (m.side() == Message.Side.PROFESSIONAL) {
            // The professional writes: the exchanges are open again, the conversation back in the patient's view.
            set.put("professionalWrote", AttributeValue.fromBool(true));
            set.put("ended", AttributeValue.fromBool(false));
            set.put("deletedByPatient", AttributeValue.fromBool(false));
            set.put("proKey", s("0#" + last));
        } else {
            set.put("proKey", s("1#" + last));
        }
        return set;
    }

    /** The other side's count of unread messages. */
    private static String unreadCounter(Message m) {
        return m.side() == Message.Side.PROFESSIONAL ? "unreadByPatient" : "unreadByProfessional";
    }

    @Override
    public boolean settle(Message message, Message.Status status, Optional<String> refusal) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":to", s(status.name()), ":awaiting", s(Message.Status.AWAITING.name())));
        refusal.ifPresent(r -> values.put(":why", s(r)));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(key(message.spaceKey(), messageKey(message)))
                .updateExpression("SET #status = :to" + (refusal.isPresent() ? ", refusal = :why" : ""))
                .conditionExpression("#status = :awaiting")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(values)).build());
        message.attachments().forEach(a -> writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                .key(key(message.spaceKey(), "attente#" + a.documentId()))).build()));
        if (status == Message.Status.SENT) {
            find(message.spaceKey(), message.conversationId())
                    .ifPresent(c -> writes.add(TransactWriteItem.builder().update(movedUpdate(c, message)).build()));
        }
        // One transaction: a message seen as sent is already counted unread on the other side, even if the
        // intake dies between two writes (its redelivery would find the message settled and move nothing).
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(writes));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
            if (e.hasCancellationReasons() && !e.cancellationReasons().isEmpty()
                    && "ConditionalCheckFailed".equals(e.cancellationReasons().getFirst().code())) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<Message> awaitingWith(String spaceKey, String documentId) {
        var link = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true).key(key(spaceKey, "attente#" + documentId))).item();
        if (link.isEmpty()) {
            return Optional.empty();
        }
        var item = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(spaceKey, link.get("messageKey").s()))).item();
        return item.isEmpty() ? Optional.empty() : Optional.of(toMessage(item));
    }

    @Override
    public void end(Conversation c) {
        dynamoDb.updateItem(r -> r.tableName(table).key(key(c.spaceKey(), "conv#" + c.conversationId()))
                .updateExpression("SET ended = :yes").expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true))));
    }

    @Override
    public void readByPatient(Conversation c, Instant at) {
        if (c.unreadByPatient() > 0) {
            // Read receipts: the professional's messages not read yet, newest first.
            for (Message m : messages(c, Math.min(100, c.unreadByPatient() * 2 + 10), Optional.empty()).items()) {
                if (m.side() == Message.Side.PROFESSIONAL && m.readAt().isEmpty() && m.status() == Message.Status.SENT) {
                    dynamoDb.updateItem(r -> r.tableName(table).key(key(c.spaceKey(), messageKey(m)))
                            .updateExpression("SET readAt = if_not_exists(readAt, :at)")
                            .expressionAttributeValues(Map.of(":at", s(at.toString()))));
                }
            }
        }
        dynamoDb.updateItem(r -> r.tableName(table).key(key(c.spaceKey(), "conv#" + c.conversationId()))
                .updateExpression("SET unreadByPatient = :zero").expressionAttributeValues(Map.of(":zero", n(0))));
    }

    @Override
    public void readByProfessional(Conversation c, Instant at) {
        dynamoDb.updateItem(r -> r.tableName(table).key(key(c.spaceKey(), "conv#" + c.conversationId()))
                .updateExpression("SET unreadByProfessional = :zero, proKey = :pro")
                .expressionAttributeValues(Map.of(":zero", n(0),
                        ":pro", s("0#" + SortableInstants.format(c.lastMessageAt()) + "#" + c.conversationId()))));
    }

    @Override
    public void deleteForPatient(Conversation c) {
        dynamoDb.updateItem(r -> r.tableName(table).key(key(c.spaceKey(), "conv#" + c.conversationId()))
                .updateExpression("SET deletedByPatient = :yes REMOVE patientInbox")
                .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true))));
    }

    @Override
    public boolean takeNotice(Conversation c, Instant at, Duration interval) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(key(c.spaceKey(), "conv#" + c.conversationId()))
                    .updateExpression("SET lastNoticeAt = :at")
                    .conditionExpression("attribute_not_exists(lastNoticeAt) OR lastNoticeAt < :since")
                    .expressionAttributeValues(Map.of(":at", s(SortableInstants.format(at)),
                            ":since", s(SortableInstants.format(at.minus(interval))))));
            return true;
        } catch (ConditionalCheckFailedException withinTheHour) {
            return false;
        }
    }

    @Override
    public Page<Conversation> ofPatient(String spaceKey, int limit, Optional<String> cursor) {
        return page(BY_PATIENT, "patientInbox", spaceKey, Set.of("spaceKey", "itemKey", "patientInbox", "inboxKey"), limit, cursor,
                DynamoDbConversations::toConversation);
    }

    @Override
    public Page<Conversation> ofProfessional(String rpps, int limit, Optional<String> cursor) {
        return page(BY_PROFESSIONAL, "proInbox", rpps, Set.of("spaceKey", "itemKey", "proInbox", "proKey"), limit, cursor,
                DynamoDbConversations::toConversation);
    }

    @Override
    public Page<Message> messages(Conversation c, int limit, Optional<String> cursor) {
        String prefix = "msg#" + c.conversationId() + "#";
        QueryResponse response = PageCursors.query(cursor, () -> dynamoDb.query(r -> {
            r.tableName(table).consistentRead(true)
                    .keyConditionExpression("spaceKey = :k AND begins_with(itemKey, :p)")
                    .expressionAttributeValues(Map.of(":k", s(c.spaceKey()), ":p", s(prefix)))
                    .scanIndexForward(false).limit(limit);
            cursor.map(value -> PageCursors.decode(value, Set.of("spaceKey", "itemKey"), "spaceKey", c.spaceKey()))
                    .map(start -> {
                        if (!start.get("itemKey").s().startsWith(prefix)) {
                            throw new InvalidCursorException();
                        }
                        return start;
                    })
                    .ifPresent(r::exclusiveStartKey);
        }));
        return new Page<>(response.items().stream().map(DynamoDbConversations::toMessage).toList(), next(response));
    }

    @Override
    public Optional<Conversation> openWith(String spaceKey, String rpps) {
        List<Conversation> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest request = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("spaceKey = :k AND begins_with(itemKey, :conv)")
                    .filterExpression("rpps = :rpps AND ended = :no AND professionalWrote = :yes")
                    .expressionAttributeValues(Map.of(":k", s(spaceKey), ":conv", s("conv#"), ":rpps", s(rpps),
                            ":no", AttributeValue.fromBool(false), ":yes", AttributeValue.fromBool(true)))
                    .exclusiveStartKey(start).build();
            var page = dynamoDb.query(request);
            page.items().forEach(item -> found.add(toConversation(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && found.isEmpty());
        return found.stream().findFirst();
    }

    @Override
    public boolean acceptsPatientMessages(String rpps) {
        var item = dynamoDb.getItem(r -> r.tableName(table).key(key("pro#" + rpps, "reglages"))).item();
        return item.containsKey("acceptsPatientMessages") && item.get("acceptsPatientMessages").bool();
    }

    @Override
    public void setAcceptsPatientMessages(String rpps, boolean accepts) {
        dynamoDb.putItem(r -> r.tableName(table).item(Map.of("spaceKey", s("pro#" + rpps), "itemKey", s("reglages"),
                "acceptsPatientMessages", AttributeValue.fromBool(accepts))));
    }

    private <T> Page<T> page(String index, String partitionName, String partition, Set<String> keyNames, int limit,
                             Optional<String> cursor, Function<Map<String, AttributeValue>, T> mapper) {
        QueryResponse response = PageCursors.query(cursor, () -> dynamoDb.query(r -> {
            r.tableName(table).indexName(index).keyConditionExpression(partitionName + " = :p")
                    .expressionAttributeValues(Map.of(":p", s(partition))).scanIndexForward(false).limit(limit);
            cursor.map(value -> PageCursors.decode(value, keyNames, partitionName, partition)).ifPresent(r::exclusiveStartKey);
        }));
        return new Page<>(response.items().stream().map(mapper).toList(), next(response));
    }

    private static Optional<String> next(QueryResponse response) {
        return response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(PageCursors.encode(response.lastEvaluatedKey())) : Optional.empty();
    }

    private static String messageKey(Message m) {
        return "msg#" + m.conversationId() + "#" + SortableInstants.format(m.sentAt()) + "#" + m.messageId();
    }

    private static Conversation toConversation(Map<String, AttributeValue> item) {
        return new Conversation(item.get("spaceKey").s(), item.get("conversationId").s(), item.get("rpps").s(),
                item.get("professionalName").s(), item.get("patientName").s(), item.get("subject").s(),
                item.get("startedByPatient").bool(), item.get("ended").bool(), item.get("hidden").bool(),
                Instant.parse(item.get("startedAt").s()), Instant.parse(item.get("lastMessageAt").s()),
                Integer.parseInt(item.get("unreadByPatient").n()), Integer.parseInt(item.get("unreadByProfessional").n()),
                item.containsKey("deletedByPatient") && item.get("deletedByPatient").bool(),
                Optional.ofNullable(item.get("lastNoticeAt")).map(v -> SortableInstants.parse(v.s())));
    }

    private static Message toMessage(Map<String, AttributeValue> item) {
        List<Message.Attachment> attachments = item.get("attachments").l().stream().map(AttributeValue::m)
                .map(a -> new Message.Attachment(a.get("documentId").s(), a.get("title").s(), a.get("contentType").s(),
                        Long.parseLong(a.get("size").n()))).toList();
        return new Message(item.get("spaceKey").s(), item.get("conversationId").s(), item.get("messageId").s(),
                Instant.parse(item.get("sentAt").s()), Message.Side.valueOf(item.get("side").s()), item.get("authorName").s(),
                Optional.ofNullable(item.get("signature")).map(AttributeValue::s), item.get("text").s(), attachments,
                Message.Status.valueOf(item.get("status").s()), Optional.ofNullable(item.get("refusal")).map(AttributeValue::s),
                Optional.ofNullable(item.get("readAt")).map(v -> Instant.parse(v.s())));
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
