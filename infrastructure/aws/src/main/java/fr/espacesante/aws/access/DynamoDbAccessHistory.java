package fr.espacesante.aws.access;

import fr.espacesante.aws.PageCursors;
import fr.espacesante.aws.SortableInstants;
import fr.espacesante.domain.access.AccessEntry;
import fr.espacesante.domain.port.out.AccessHistory;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
 */
public final class DynamoDbAccessHistory implements AccessHistory {

    private static final TableSchema<AccessEntryItem> SCHEMA = TableSchema.fromBean(AccessEntryItem.class);
    private static final Expression NEVER_REPLACE =
            Expression.builder().expression("attribute_not_exists(entryKey)").build();

    private final DynamoDbTable<AccessEntryItem> table;

    public DynamoDbAccessHistory(DynamoDbEnhancedClient enhanced, String tableName) {
        this.table = enhanced.table(tableName, SCHEMA);
    }

    @Override
    public void append(AccessEntry entry) {
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
        table.putItem(r -> r.item(item).conditionExpression(NEVER_REPLACE));
    }

    @Override
    public Page list(String spaceKey, Filter filter, int limit, Optional<String> cursor) {
        String partition;
        String indexName;
        if (filter.professionalRpps().isPresent()) {
            indexName = AccessEntryItem.BY_PROFESSIONAL;
            partition = spaceKey + "|" + filter.professionalRpps().get();
        } else if (filter.ruleId().isPresent()) {
            indexName = AccessEntryItem.BY_RULE;
            partition = spaceKey + "|" + filter.ruleId().get();
        } else {
            indexName = null;
            partition = spaceKey;
        }
        QueryEnhancedRequest.Builder query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()))
                .scanIndexForward(false)
                .limit(limit);
        cursor.map(c -> PageCursors.decode(c, "spaceKey", spaceKey)).ifPresent(query::exclusiveStartKey);
        var pages = indexName == null ? table.query(query.build()) : table.index(indexName).query(query.build());
        software.amazon.awssdk.enhanced.dynamodb.model.Page<AccessEntryItem> page = pages.iterator().next();
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
