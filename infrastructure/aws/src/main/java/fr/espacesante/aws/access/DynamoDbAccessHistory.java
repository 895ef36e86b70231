package fr.espacesante.aws.access;

import fr.espacesante.aws.SortableInstants;
import fr.espacesante.domain.access.AccessEntry;
import fr.espacesante.domain.port.out.AccessHistory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
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
        cursor.map(c -> decode(c, spaceKey)).ifPresent(query::exclusiveStartKey);
        var pages = indexName == null ? table.query(query.build()) : table.index(indexName).query(query.build());
        software.amazon.awssdk.enhanced.dynamodb.model.Page<AccessEntryItem> page = pages.iterator().next();
        var entries = page.items().stream().map(DynamoDbAccessHistory::toEntry).toList();
        Optional<String> next = Optional.ofNullable(page.lastEvaluatedKey()).filter(k -> !k.isEmpty())
                .map(DynamoDbAccessHistory::encode);
        return new Page(entries, next);
    }

    /** The cursor carries DynamoDB's last evaluated key; it is opaque to callers and bound to the space. */
    private static String encode(Map<String, AttributeValue> key) {
        StringBuilder text = new StringBuilder();
        key.forEach((name, value) -> text.append(name).append('=').append(value.s()).append('\n'));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decode(String cursor, String spaceKey) {
        Map<String, AttributeValue> key = new java.util.HashMap<>();
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("curseur de pagination invalide", e);
        }
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                key.put(line.substring(0, eq), AttributeValue.fromS(line.substring(eq + 1)));
            }
        }
        AttributeValue space = key.get("spaceKey");
        if (space == null || !spaceKey.equals(space.s())) {
            throw new IllegalArgumentException("curseur de pagination invalide");
        }
        return key;
    }

    private static AccessEntry toEntry(AccessEntryItem item) {
        return new AccessEntry(item.getSpaceKey(), Instant.parse(item.getAt()), item.getActorKind(), item.getActorId(),
                item.getActorName(), item.getActorProfession(), item.getResourceKind(), item.getResourceId(),
                item.getAction(), item.getRuleId(), item.isAllowed(), Optional.ofNullable(item.getJustification()));
    }
}
