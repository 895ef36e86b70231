package fr.espacesante.aws.population;

import fr.espacesante.aws.SortableInstants;
import fr.espacesante.domain.population.ImportRun;
import fr.espacesante.domain.population.ImportSummary;
import fr.espacesante.domain.population.RegistryFile;
import fr.espacesante.domain.population.port.out.ImportHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** Import runs in DynamoDB; listing goes through the ByRecency index, never a scan. */
public final class DynamoDbImportHistory implements ImportHistory {

    /** Operators look back over a year of imports; the registry files themselves expire after 365 days. */
    private static final Duration KEPT_FOR = Duration.ofDays(400);
    private static final TableSchema<ImportRunItem> SCHEMA = TableSchema.fromBean(ImportRunItem.class);

    private final DynamoDbTable<ImportRunItem> table;

    public DynamoDbImportHistory(DynamoDbEnhancedClient enhanced, String tableName) {
        this.table = enhanced.table(tableName, SCHEMA);
    }

    @Override
    public void record(ImportRun run) {
        ImportRunItem item = new ImportRunItem();
        item.setImportId(run.importId());
        item.setStartedAt(SortableInstants.format(run.startedAt()));
        item.setFinishedAt(run.finishedAt().toString());
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
        table.putItem(item);
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
        return Optional.ofNullable(table.getItem(Key.builder().partitionValue(importId).build()))
                .map(DynamoDbImportHistory::toRun);
    }

    private static ImportRun toRun(ImportRunItem item) {
        return new ImportRun(item.getImportId(), new RegistryFile(item.getBucket(), item.getFileKey()),
                Instant.parse(item.getStartedAt()), Instant.parse(item.getFinishedAt()),
                new ImportSummary(item.getRead(), item.getCreated(), item.getUpdated(), item.getUnchanged(),
                        item.getRejected(), Optional.ofNullable(item.getFileError())),
                item.getReportKey());
    }
}
