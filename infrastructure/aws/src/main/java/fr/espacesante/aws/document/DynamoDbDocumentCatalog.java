package fr.espacesante.aws.document;

import fr.espacesante.aws.PageCursors;
import fr.espacesante.domain.document.Author;
import fr.espacesante.domain.document.Document;
import fr.espacesante.domain.document.DocumentCategory;
import fr.espacesante.domain.document.DocumentStatus;
import fr.espacesante.domain.document.DocumentType;
import fr.espacesante.domain.document.port.out.DocumentCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Documents table: partition = space, sort = document id. Available documents carry
 * {@code listedSpace} and {@code listedCategory} (sparse indexes ByCareDate and ByCategory, sorted by
 * "careDate#id"), so listing reads only what can be shown. A pending document expires (TTL) if its
 * bytes never come; a rejected one is kept 30 days for the uploader to read why.
 */
public final class DynamoDbDocumentCatalog implements DocumentCatalog {

    static final String BY_CARE_DATE = "ByCareDate";
    static final String BY_CATEGORY = "ByCategory";
    private static final Duration PENDING_KEPT = Duration.ofDays(1);
    private static final Duration REJECTED_KEPT = Duration.ofDays(30);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public DynamoDbDocumentCatalog(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public void createPending(Document d) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("spaceKey", s(d.spaceKey()));
        item.put("documentId", s(d.documentId()));
        item.put("category", s(d.category().id()));
        d.loincCode().ifPresent(code -> item.put("loincCode", s(code)));
        item.put("careDate", s(d.careDate().toString()));
        item.put("careKey", s(d.careDate() + "#" + d.documentId()));
        item.put("authorKind", s(d.author().kind().name()));
        if (d.author().kind() == Author.Kind.PROFESSIONAL) {
            item.put("authorRpps", s(d.author().rpps()));
            item.put("authorName", s(d.author().name()));
            item.put("authorProfession", s(d.author().profession()));
        }
        item.put("title", s(d.title()));
        item.put("contentType", s(d.declaredType().mediaType()));
        item.put("size", AttributeValue.fromN(Long.toString(d.declaredSize())));
        item.put("status", s(DocumentStatus.PENDING.name()));
        item.put("heldBack", AttributeValue.fromBool(d.heldBack()));
        item.put("hiddenByPatient", AttributeValue.fromBool(false));
        item.put("hiddenFromRepresentatives", AttributeValue.fromBool(d.hiddenFromRepresentatives()));
        item.put("depositedAt", s(d.depositedAt().toString()));
        d.replaces().ifPresent(id -> item.put("replaces", s(id)));
        item.put("expiresAt", epoch(PENDING_KEPT));
        dynamoDb.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(documentId)"));
    }

    @Override
    public Optional<Document> find(String spaceKey, String documentId) {
        var response = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("spaceKey", s(spaceKey), "documentId", s(documentId))));
        return response.hasItem() ? Optional.of(toDocument(response.item())) : Optional.empty();
    }

    @Override
    public boolean markAvailable(Document d, String sha256) {
        if (d.category() == DocumentCategory.ATTACHMENT) {
            // A message's file: available to the conversation, listed only once the patient saves it.
            return update(d, "SET #status = :available, sha256 = :sha REMOVE expiresAt", "#status = :pending",
                    Map.of(":available", s(DocumentStatus.AVAILABLE.name()), ":sha", s(sha256),
                            ":pending", s(DocumentStatus.PENDING.name())));
        }
        return update(d, "SET #status = :available, sha256 = :sha, listedSpace = :space, listedCategory = :category"
                        + " REMOVE expiresAt", "#status = :pending",
                Map.of(":available", s(DocumentStatus.AVAILABLE.name()), ":sha", s(sha256), ":space", s(d.spaceKey()),
                        ":category", s(d.spaceKey() + "#" + d.category().id()),
                        ":pending", s(DocumentStatus.PENDING.name())));
    }

    @Override
    public boolean markRejected(Document d, String reason) {
        return update(d, "SET #status = :rejected, rejection = :reason, expiresAt = :expires", "#status = :pending",
                Map.of(":rejected", s(DocumentStatus.REJECTED.name()), ":reason", s(reason), ":expires", epoch(REJECTED_KEPT),
                        ":pending", s(DocumentStatus.PENDING.name())));
    }

    @Override
    public boolean file(Document d, DocumentCategory category) {
        return update(d, "SET category = :category, listedSpace = :space, listedCategory = :listed",
                "#status = :available AND category = :attachment",
                Map.of(":category", s(category.id()), ":space", s(d.spaceKey()),
                        ":listed", s(d.spaceKey() + "#" + category.id()),
                        ":available", s(DocumentStatus.AVAILABLE.name()), ":attachment", s(DocumentCategory.ATTACHMENT.id())));
    }

    @Override
    public boolean changeStatus(Document d, DocumentStatus from, DocumentStatus to) {
        return update(d, "SET #status = :to REMOVE listedSpace, listedCategory", "#status = :from",
                Map.of(":to", s(to.name()), ":from", s(from.name())));
    }

    @Override
    public void setHeldBack(Document d, boolean heldBack) {
        update(d, "SET heldBack = :flag", "attribute_exists(documentId)", Map.of(":flag", AttributeValue.fromBool(heldBack)));
    }

    @Override
    public void setHiddenByPatient(Document d, boolean hidden) {
        update(d, "SET hiddenByPatient = :flag", "attribute_exists(documentId)", Map.of(":flag", AttributeValue.fromBool(hidden)));
    }

    @Override
    public Page list(String spaceKey, Filter filter, int limit, Optional<String> cursor) {
        String from = filter.from().map(LocalDate::toString).orElse("0000-00-00");
        String to = filter.to().map(d -> d + "#~").orElse("9999-99-99#~");
        boolean byCategory = filter.category().isPresent();
        String partition = byCategory ? spaceKey + "#" + filter.category().get().id() : spaceKey;
        String partitionName = byCategory ? "listedCategory" : "listedSpace";
        // The date range only when asked for: an open BETWEEN costs DynamoDB Local a range scan.
        boolean range = filter.from().isPresent() || filter.to().isPresent();
        QueryResponse response = PageCursors.query(cursor, () -> dynamoDb.query(r -> {
            r.tableName(table).indexName(byCategory ? BY_CATEGORY : BY_CARE_DATE)
                    .keyConditionExpression(partitionName + " = :p" + (range ? " AND careKey BETWEEN :from AND :to" : ""))
                    .expressionAttributeValues(range ? Map.of(":p", s(partition), ":from", s(from), ":to", s(to))
                            : Map.of(":p", s(partition)))
                    .scanIndexForward(false).limit(limit);
            cursor.map(c -> PageCursors.decode(c, Set.of("spaceKey", "documentId", partitionName, "careKey"), partitionName,
                    partition)).ifPresent(r::exclusiveStartKey);
        }));
        var documents = response.items().stream().map(DynamoDbDocumentCatalog::toDocument).toList();
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(PageCursors.encode(response.lastEvaluatedKey())) : Optional.empty();
        return new Page(documents, next);
    }

    private boolean update(Document d, String expression, String condition, Map<String, AttributeValue> values) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(Map.of("spaceKey", s(d.spaceKey()), "documentId", s(d.documentId())))
                    .updateExpression(expression).conditionExpression(condition)
                    .expressionAttributeNames(expression.contains("#status") || condition.contains("#status")
                            ? Map.of("#status", "status") : null)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private AttributeValue epoch(Duration kept) {
        return AttributeValue.fromN(Long.toString(clock.instant().plus(kept).getEpochSecond()));
    }

    private static Document toDocument(Map<String, AttributeValue> item) {
        Author author = "PROFESSIONAL".equals(item.get("authorKind").s())
                ? new Author(Author.Kind.PROFESSIONAL, str(item, "authorRpps"), str(item, "authorName"), str(item, "authorProfession"))
                : Author.patient();
        return new Document(str(item, "spaceKey"), str(item, "documentId"),
                DocumentCategory.fromStored(str(item, "category")).orElse(DocumentCategory.OTHER),
                Optional.ofNullable(str(item, "loincCode")), LocalDate.parse(str(item, "careDate")), author,
                str(item, "title"), DocumentType.fromMediaType(str(item, "contentType")).orElseThrow(),
                Long.parseLong(item.get("size").n()), DocumentStatus.valueOf(str(item, "status")),
                Optional.ofNullable(str(item, "rejection")), Optional.ofNullable(str(item, "sha256")),
                bool(item, "heldBack"), bool(item, "hiddenByPatient"), bool(item, "hiddenFromRepresentatives"),
                Instant.parse(str(item, "depositedAt")), Optional.ofNullable(str(item, "replaces")));
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
