package fr.espacesante.aws.catalogue;

import static fr.espacesante.aws.catalogue.DynamoDbCatalogue.codes;
import static fr.espacesante.aws.catalogue.DynamoDbCatalogue.s;
import static fr.espacesante.aws.catalogue.DynamoDbCatalogue.scopes;

import fr.espacesante.aws.access.DynamoDbAccessHistory;
import fr.espacesante.domain.access.AccessEntry;
import fr.espacesante.domain.catalogue.Grant;
import fr.espacesante.domain.catalogue.Purpose;
import fr.espacesante.aws.Checkpoints;
import fr.espacesante.aws.PageCursors;
import fr.espacesante.domain.campaign.Departments;
import fr.espacesante.domain.catalogue.ConnectedServicesReview;
import fr.espacesante.domain.catalogue.port.out.Grants;
import fr.espacesante.domain.catalogue.port.out.ReviewSchedule;
import java.time.LocalDate;
import java.time.ZoneId;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The ServiceGrants table: each grant twice, in one transaction with its history entry — in the
 * space's partition ({@code grant#<pseudonym>}: the access page, the erasure) and under its pseudonym
 * ({@code pseudonyme#<p>}: how a service's call finds the patient). Revoking marks both.
 */
public final class DynamoDbGrants implements Grants, ReviewSchedule {

    public static final String BY_REVIEW_DAY = "ByReviewDay";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String IN_SPACE = "grant#";
    private static final String PSEUDONYM = "pseudonyme#";
    /** The space's review marker: {@code reviewShard = "<day>#<shard>"}, the key of the sparse index ByReviewDay. */
    private static final String REVIEW = "revue";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String historyTable;
    private final Checkpoints checkpoint;

    public DynamoDbGrants(DynamoDbClient dynamoDb, String table, String historyTable) {
        this(dynamoDb, table, historyTable, null);
    }

    /** @param stateTable where the review run keeps its checkpoint (null: not the review run) */
    public DynamoDbGrants(DynamoDbClient dynamoDb, String table, String historyTable, String stateTable) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.historyTable = historyTable;
        this.checkpoint = stateTable == null ? null : new Checkpoints(dynamoDb, stateTable, "revue-services");
    }

    /** The grant twice, its history entry, and the space's first review 90 days on (kept if one is already planned). */
    @Override
    public boolean save(Grant grant, boolean replacing, AccessEntry recorded) {
        LocalDate first = grant.grantedAt().atZone(PARIS).toLocalDate().plusDays(ConnectedServicesReview.EVERY_DAYS);
        String condition = replacing ? "attribute_exists(itemKey) AND attribute_not_exists(revokedAt)" : "attribute_not_exists(itemKey)";
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(item(grant, grant.spaceKey(), IN_SPACE + grant.pseudonym()))
                            .conditionExpression(condition)).build(),
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(item(grant, PSEUDONYM + grant.pseudonym(), "grant"))
                            .conditionExpression(condition)).build(),
                    TransactWriteItem.builder().update(u -> u.tableName(table).key(Map.of("partitionKey", s(grant.spaceKey()),
                                    "itemKey", s(REVIEW)))
                            .updateExpression("SET reviewShard = if_not_exists(reviewShard, :shard), reviewDay = if_not_exists(reviewDay, :day)")
                            .expressionAttributeValues(Map.of(":shard", s(shardOf(first, grant.spaceKey())), ":day", s(first.toString()))))
                            .build(),
                    history(recorded)));
            return true;
        } catch (TransactionCanceledException changedMeanwhile) {
            return false;
        }
    }

    @Override
    public DuePage due(LocalDate day, int shard, int limit, Optional<String> cursor) {
        String partition = day + "#" + shard;
        var response = dynamoDb.query(r -> {
            r.tableName(table).indexName(BY_REVIEW_DAY).keyConditionExpression("reviewShard = :due")
                    .expressionAttributeValues(Map.of(":due", s(partition))).limit(limit);
            cursor.map(c -> PageCursors.decode(c, java.util.Set.of("partitionKey", "itemKey", "reviewShard"), "reviewShard", partition))
                    .ifPresent(r::exclusiveStartKey);
        });
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(PageCursors.encode(response.lastEvaluatedKey())) : Optional.empty();
        return new DuePage(response.items().stream().map(i -> i.get("partitionKey").s()).toList(), next);
    }

    @Override
    public boolean reschedule(String spaceKey, LocalDate due, LocalDate next) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(Map.of("partitionKey", s(spaceKey), "itemKey", s(REVIEW)))
                    .updateExpression("SET reviewShard = :shard, reviewDay = :next").conditionExpression("reviewDay = :due")
                    .expressionAttributeValues(Map.of(":shard", s(shardOf(next, spaceKey)), ":next", s(next.toString()),
                            ":due", s(due.toString()))));
            return true;
        } catch (ConditionalCheckFailedException anotherRun) {
            return false;
        }
    }

    @Override
    public void stop(String spaceKey, LocalDate due) {
        try {
            dynamoDb.deleteItem(r -> r.tableName(table).key(Map.of("partitionKey", s(spaceKey), "itemKey", s(REVIEW)))
                    .conditionExpression("reviewDay = :due").expressionAttributeValues(Map.of(":due", s(due.toString()))));
        } catch (ConditionalCheckFailedException anotherRun) {
            // rescheduled or stopped meanwhile
        }
    }

    @Override
    public Optional<LocalDate> reviewedThrough() {
        return checkpoint.day();
    }

    @Override
    public void recordReviewedThrough(LocalDate day) {
        checkpoint.record(day);
    }

    private static String shardOf(LocalDate day, String spaceKey) {
        return day + "#" + Departments.shardOf(spaceKey);
    }

    @Override
    public Optional<Grant> find(String spaceKey, String serviceId) {
        return of(spaceKey).stream().filter(g -> g.serviceId().equals(serviceId)).findFirst();
    }

    @Override
    public Optional<Grant> byPseudonym(String pseudonym) {
        var item = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("partitionKey", s(PSEUDONYM + pseudonym), "itemKey", s("grant")))).item();
        return item.isEmpty() ? Optional.empty() : Optional.of(toGrant(item));
    }

    @Override
    public List<Grant> of(String spaceKey) {
        return dynamoDb.query(r -> r.tableName(table).consistentRead(true)
                        .keyConditionExpression("partitionKey = :k AND begins_with(itemKey, :g)")
                        .filterExpression("attribute_not_exists(revokedAt)")
                        .expressionAttributeValues(Map.of(":k", s(spaceKey), ":g", s(IN_SPACE)))).items().stream()
                .map(DynamoDbGrants::toGrant).toList();
    }

    @Override
    public boolean revoke(Grant grant, AccessEntry recorded) {
        String at = grant.revokedAt().orElseThrow().toString();
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(
                    revoke(grant.spaceKey(), IN_SPACE + grant.pseudonym(), at), revoke(PSEUDONYM + grant.pseudonym(), "grant", at),
                    history(recorded)));
            return true;
        } catch (TransactionCanceledException alreadyRevoked) {
            return false;
        }
    }

    private TransactWriteItem revoke(String partition, String itemKey, String at) {
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Map.of("partitionKey", s(partition), "itemKey", s(itemKey)))
                .updateExpression("SET revokedAt = :at").conditionExpression("attribute_exists(itemKey) AND attribute_not_exists(revokedAt)")
                .expressionAttributeValues(Map.of(":at", s(at)))).build();
    }

    private TransactWriteItem history(AccessEntry recorded) {
        return TransactWriteItem.builder().put(p -> p.tableName(historyTable).item(DynamoDbAccessHistory.toAttributes(recorded))).build();
    }

    private static Map<String, AttributeValue> item(Grant g, String partition, String itemKey) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("partitionKey", s(partition));
        item.put("itemKey", s(itemKey));
        item.put("spaceKey", s(g.spaceKey()));
        item.put("serviceId", s(g.serviceId()));
        item.put("pseudonym", s(g.pseudonym()));
        item.put("purposes", AttributeValue.fromL(g.purposes().stream().map(p -> s(p.code())).toList()));
        item.put("read", codes(g.read()));
        item.put("write", codes(g.write()));
        item.put("acceptedVersion", AttributeValue.fromN(Long.toString(g.acceptedVersion())));
        item.put("grantedAt", s(g.grantedAt().toString()));
        item.put("grantedBy", s(g.grantedBy()));
        g.revokedAt().ifPresent(at -> item.put("revokedAt", s(at.toString())));
        return item;
    }

    private static Grant toGrant(Map<String, AttributeValue> item) {
        return new Grant(item.get("spaceKey").s(), item.get("serviceId").s(), item.get("pseudonym").s(),
                item.get("purposes").l().stream().map(v -> Purpose.ofCode(v.s()).orElseThrow()).collect(Collectors.toSet()),
                scopes(item.get("read")), scopes(item.get("write")), Long.parseLong(item.get("acceptedVersion").n()),
                Instant.parse(item.get("grantedAt").s()), item.get("grantedBy").s(),
                Optional.ofNullable(item.get("revokedAt")).map(v -> Instant.parse(v.s())));
    }
}
