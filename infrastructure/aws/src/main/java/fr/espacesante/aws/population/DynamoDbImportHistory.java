package fr.espacesante.aws.population;

import fr.espacesante.aws.SortableInstants;
import fr.espacesante.domain.population.ImportRun;
import fr.espacesante.domain.population.ImportSummary;
import fr.espacesante.domain.population.RangeResult;
import fr.espacesante.domain.population.RegistryFile;
import fr.espacesante.domain.population.RegistryRange;
import fr.espacesante.domain.population.port.out.ImportHistory;
import fr.espacesante.domain.population.port.out.ImportHistory.SettledRange;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Import runs in DynamoDB, one item per run; listing goes through the ByRecency index, never a scan.
 *
 * <p>A run cut into ranges is settled range by range with one conditional UpdateItem each: the range's
 * index joins a number set and its counts are added in the same write, only if the index is not in
 * the set yet. A range delivered twice, or replayed after a crash, is therefore counted once, and the
 * write that settles the last range is the only one that sees every range settled.
 */
public final class DynamoDbImportHistory implements ImportHistory {

    /** Operators look back over a year of imports; the registry files themselves expire after 365 days. */
    private static final Duration KEPT_FOR = Duration.ofDays(400);
    private static final TableSchema<ImportRunItem> SCHEMA = TableSchema.fromBean(ImportRunItem.class);

    private final DynamoDbTable<ImportRunItem> table;
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    /** The low-level client writes the runs' conditional counters; the enhanced one maps whole items. */
    public DynamoDbImportHistory(DynamoDbEnhancedClient enhanced, DynamoDbClient dynamoDb, String tableName) {
        this.table = enhanced.table(tableName, SCHEMA);
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void record(ImportRun run) {
        table.putItem(toItem(run));
    }

    @Override
    public boolean started(ImportRun run) {
        ImportRunItem item = toItem(run);
        item.setRangesTotal(run.progress().total());
        item.setRangeLineFeeds(Map.of());
        item.setRangeUnreadable(Map.of());
        try {
            table.putItem(r -> r.item(item).conditionExpression(Expression.builder()
                    .expression("attribute_not_exists(importId)").build()));
            return true;
        } catch (ConditionalCheckFailedException startedBefore) {
            return false;
        }
    }

    @Override
    public void queued(String importId) {
        dynamoDb.updateItem(r -> r.tableName(tableName)
                .key(Map.of("importId", AttributeValue.fromS(importId)))
                .updateExpression("SET rangesQueued = :yes")
                .conditionExpression("attribute_exists(importId)")
                .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true))));
    }

    @Override
    public boolean isQueued(String importId) {
        var item = dynamoDb.getItem(r -> r.tableName(tableName).consistentRead(true)
                .key(Map.of("importId", AttributeValue.fromS(importId))).projectionExpression("rangesQueued")).item();
        return item.containsKey("rangesQueued") && Boolean.TRUE.equals(item.get("rangesQueued").bool());
    }

    @Override
    public Optional<ImportRun> settle(RegistryRange range, RangeResult result) {
        ImportSummary s = result.summary();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":read", n(s.read()));
        values.put(":created", n(s.created()));
        values.put(":updated", n(s.updated()));
        values.put(":unchanged", n(s.unchanged()));
        values.put(":rejected", n(s.rejected()));
        String update = "ADD rangesDone :indexes, #read :read, created :created, updated :updated,"
                + " unchanged :unchanged, rejected :rejected SET rangeLineFeeds.#index = :feeds";
        if (result.unreadableFrom() > 0) {
            values.put(":unreadable", n(result.unreadableFrom()));
            update += ", rangeUnreadable.#index = :unreadable";
        }
        if (s.fileError().isPresent()) {
            values.put(":error", AttributeValue.fromS(s.fileError().get()));
            update += ", fileError = if_not_exists(fileError, :error)";
        }
        return settleOnce(range, result.lineFeeds(), update, values, Map.of("#read", "read"));
    }

    @Override
    public Optional<ImportRun> abandon(RegistryRange range, long lineFeeds) {
        return settleOnce(range, lineFeeds, "ADD rangesAbandoned :indexes SET rangeLineFeeds.#index = :feeds",
                new HashMap<>(), Map.of());
    }

    /**
     * Applies {@code update} only if the range is neither done nor abandoned yet; {@code :index}, {@code :indexes},
     * {@code :feeds} and {@code #index} are the range's.
     */
    private Optional<ImportRun> settleOnce(RegistryRange range, long lineFeeds, String update,
                                           Map<String, AttributeValue> values, Map<String, String> extraNames) {
        values.put(":index", AttributeValue.fromN(Integer.toString(range.index())));
        values.put(":indexes", AttributeValue.fromNs(List.of(Integer.toString(range.index()))));
        values.put(":feeds", n(lineFeeds));
        Map<String, String> names = new HashMap<>(extraNames);
        names.put("#index", Integer.toString(range.index()));
        try {
            Map<String, AttributeValue> after = dynamoDb.updateItem(r -> r.tableName(tableName)
                    .key(Map.of("importId", AttributeValue.fromS(range.importId())))
                    .updateExpression(update)
                    .conditionExpression("attribute_exists(importId) AND NOT contains(rangesDone, :index)"
                            + " AND NOT contains(rangesAbandoned, :index)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(toRun(SCHEMA.mapToItem(after)));
        } catch (ConditionalCheckFailedException settledBefore) {
            return Optional.empty();
        }
    }

    @Override
    public Map<Integer, SettledRange> settledRanges(String importId) {
        ImportRunItem item = table.getItem(r -> r.key(Key.builder().partitionValue(importId).build()).consistentRead(true));
        Map<Integer, SettledRange> ranges = new TreeMap<>();
        if (item != null && item.getRangeLineFeeds() != null) {
            Map<String, Long> unreadable = item.getRangeUnreadable() == null ? Map.of() : item.getRangeUnreadable();
            item.getRangeLineFeeds().forEach((index, count) ->
                    ranges.put(Integer.parseInt(index), new SettledRange(count, unreadable.getOrDefault(index, 0L))));
        }
        return ranges;
    }

    @Override
    public boolean finish(String importId, ImportSummary summary, String reportLocation, Instant finishedAt) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":finishedAt", AttributeValue.fromS(finishedAt.toString()));
        values.put(":report", AttributeValue.fromS(reportLocation));
        String update = "SET finishedAt = :finishedAt, reportKey = :report";
        if (summary.fileError().isPresent()) {
            values.put(":error", AttributeValue.fromS(summary.fileError().get()));
            update += ", fileError = :error";
        }
        String expression = update;
        try {
            dynamoDb.updateItem(r -> r.tableName(tableName)
                    .key(Map.of("importId", AttributeValue.fromS(importId)))
                    .updateExpression(expression)
                    .conditionExpression("attribute_exists(importId) AND attribute_not_exists(reportKey)")
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException finishedBefore) {
            return false;
        }
    }

    @Override
    public List<ImportRun> latest(int limit) {
        return table.index(ImportRunItem.BY_RECENCY)
                .query(q -> q.queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(ImportRunItem.KIND).build()))
                        .scanIndexForward(false)
                        .limit(limit))
                .stream()
                .findFirst()
                .map(page -> page.items().stream().map(DynamoDbImportHistory::toRun).toList())
                .orElse(List.of());
    }

    @Override
    public Optional<ImportRun> find(String importId) {
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(importId).build())
                        .consistentRead(true)))
                .map(DynamoDbImportHistory::toRun);
    }

    private static ImportRunItem toItem(ImportRun run) {
        ImportRunItem item = new ImportRunItem();
        item.setImportId(run.importId());
        item.setStartedAt(SortableInstants.format(run.startedAt()));
        item.setFinishedAt(run.finishedAt() == null ? null : run.finishedAt().toString());
        item.setExpiresAt(run.startedAt().plus(KEPT_FOR).getEpochSecond());
        item.setBucket(run.file().container());
        item.setFileKey(run.file().name());
        item.setReportKey(run.reportLocation());
        ImportSummary summary = run.summary();
        item.setRead(summary.read());
        item.setCreated(summary.created());
        item.setUpdated(summary.updated());
        item.setUnchanged(summary.unchanged());
        item.setRejected(summary.rejected());
        item.setFileError(summary.fileError().orElse(null));
        return item;
    }

    private static ImportRun toRun(ImportRunItem item) {
        ImportRun.Progress progress = item.getRangesTotal() == null ? ImportRun.Progress.single()
                : new ImportRun.Progress(item.getRangesTotal(), setOf(item.getRangesDone()), setOf(item.getRangesAbandoned()));
        return new ImportRun(item.getImportId(), new RegistryFile(item.getBucket(), item.getFileKey()),
                Instant.parse(item.getStartedAt()),
                item.getFinishedAt() == null ? null : Instant.parse(item.getFinishedAt()),
                new ImportSummary(item.getRead(), item.getCreated(), item.getUpdated(), item.getUnchanged(),
                        item.getRejected(), Optional.ofNullable(item.getFileError())),
                item.getReportKey(), progress);
    }

    private static Set<Integer> setOf(Set<Integer> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
