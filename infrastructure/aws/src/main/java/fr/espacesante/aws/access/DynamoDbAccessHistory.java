package fr.espacesante.aws.access;

import fr.espacesante.aws.PageCursors;
import fr.espacesante.aws.SortableInstants;
import fr.espacesante.domain.access.AccessEntry;
import fr.espacesante.domain.access.port.out.AccessHistory;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The access history in DynamoDB. Appends are conditional puts that can never replace an entry;
 * the functions' IAM policies grant PutItem and Query only on this table, never Update or Delete.
 * A conditional append is one transaction: the put and a check of the space's version.
 */
public final class DynamoDbAccessHistory implements AccessHistory {

    private static final TableSchema<AccessEntryItem> SCHEMA = TableSchema.fromBean(AccessEntryItem.class);
    private static final Expression NEVER_REPLACE =
            Expression.builder().expression("attribute_not_exists(entryKey)").build();

    private final DynamoDbTable<AccessEntryItem> table;
    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final String spacesTable;

    /** @param spacesTable the spaces whose version a conditional append checks */
    public DynamoDbAccessHistory(DynamoDbClient dynamoDb, DynamoDbEnhancedClient enhanced, String tableName,
                                 String spacesTable) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.spacesTable = spacesTable;
        this.table = enhanced.table(tableName, SCHEMA);
    }

    @Override
    public void append(AccessEntry entry) {
        AccessEntryItem item = toItem(entry);
        table.putItem(r -> r.item(item).conditionExpression(NEVER_REPLACE));
    }

    @Override
    public boolean appendIfSpaceAt(AccessEntry entry, long spaceVersion) {
        // Spaces written before versions existed have none: they are at version 0.
        String atVersion = spaceVersion == 0 ? "attribute_exists(spaceKey) AND (attribute_not_exists(version) OR version = :v)"
                : "version = :v";
        TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(tableName)
                .item(SCHEMA.itemToMap(toItem(entry), true))
                .conditionExpression(NEVER_REPLACE.expression())).build();
        TransactWriteItem unchanged = TransactWriteItem.builder().conditionCheck(c -> c.tableName(spacesTable)
                .key(Map.of("spaceKey", AttributeValue.fromS(entry.spaceKey())))
                .conditionExpression(atVersion)
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(spaceVersion))))).build();
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(put, unchanged));
            return true;
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons().size() > 1 && "ConditionalCheckFailed".equals(e.cancellationReasons().get(1).code())) {
                return false;
            }
            throw e;
        }
    }

    /** The raw item of an entry, for adapters that append it inside their own transactions. */
    public static Map<String, AttributeValue> toAttributes(AccessEntry entry) {
        return SCHEMA.itemToMap(toItem(entry), true);
    }

    private static AccessEntryItem toItem(AccessEntry entry) {
        AccessEntryItem item = new AccessEntryItem();
        item.setSpaceKey(entry.spaceKey());
        item.setEntryKey(SortableInstants.format(entry.at()) + "#" + UUID.randomUUID());
        item.setAt(entry.at().toString());
        item.setActorKind(entry.actorKind());
        item.setActorId(entry.actorId());
        item.setActorName(entry.actorName());
        item.setActorProfession(entry.actorProfession());
        if ("PROFESSIONNEL".equals(entry.actorKind())) {
            item.setSpaceActor(entry.spaceKey() + "|" + entry.actorId());
        }
        item.setSpaceRule(entry.spaceKey() + "|" + entry.ruleId());
        item.setResourceKind(entry.resourceKind());
        item.setResourceId(entry.resourceId());
        item.setAction(entry.action());
        item.setRuleId(entry.ruleId());
        item.setAllowed(entry.allowed());
        item.setJustification(entry.justification().orElse(null));
        return item;
    }

    @Override
    public Page list(String spaceKey, Filter filter, int limit, Optional<String> cursor) {
        String partition;
        String indexName;
        String partitionName;
        if (filter.professionalRpps().isPresent()) {
            partitionName = "spaceActor";
            indexName = AccessEntryItem.BY_PROFESSIONAL;
            partition = spaceKey + "|" + filter.professionalRpps().get();
        } else if (filter.ruleId().isPresent()) {
            partitionName = "spaceRule";
            indexName = AccessEntryItem.BY_RULE;
            partition = spaceKey + "|" + filter.ruleId().get();
        } else {
            partitionName = "spaceKey";
            indexName = null;
            partition = spaceKey;
        }
        QueryEnhancedRequest.Builder query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()))
                .scanIndexForward(false)
                .limit(limit);
        Set<String> keyNames = indexName == null ? Set.of("spaceKey", "entryKey") : Set.of("spaceKey", "entryKey", partitionName);
        cursor.map(c -> PageCursors.decode(c, keyNames, partitionName, partition)).ifPresent(query::exclusiveStartKey);
        software.amazon.awssdk.enhanced.dynamodb.model.Page<AccessEntryItem> page = PageCursors.query(cursor, () ->
                (indexName == null ? table.query(query.build()) : table.index(indexName).query(query.build())).iterator().next());
        var entries = page.items().stream().map(DynamoDbAccessHistory::toEntry).toList();
        Optional<String> next = Optional.ofNullable(page.lastEvaluatedKey()).filter(k -> !k.isEmpty())
                .map(PageCursors::encode);
        return new Page(entries, next);
    }

    private static AccessEntry toEntry(AccessEntryItem item) {
        return new AccessEntry(item.getSpaceKey(), Instant.parse(item.getAt()), item.getActorKind(), item.getActorId(),
                item.getActorName(), item.getActorProfession(), item.getResourceKind(), item.getResourceId(),
                item.getAction(), item.getRuleId(), item.isAllowed(), Optional.ofNullable(item.getJustification()));
    }
}
