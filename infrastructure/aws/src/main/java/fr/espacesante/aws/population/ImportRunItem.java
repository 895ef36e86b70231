package fr.espacesante.aws.population;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/** A row of the ImportRuns table; the ByRecency index lists runs newest first. */
@DynamoDbBean
public class ImportRunItem {
    static final String BY_RECENCY = "ByRecency";
    static final String KIND = "POPULATION_IMPORT";

    private String importId;
    private String kind = KIND;
    private String startedAt;
    private String finishedAt;
    private String bucket;
    private String fileKey;
    private String reportKey;
    private long read;
    private long created;
    private long updated;
    private long unchanged;
    private long rejected;
    private String fileError;
    private Long expiresAt;
    private Integer rangesTotal;
    private java.util.Set<Integer> rangesDone;
    private java.util.Set<Integer> rangesAbandoned;
    private java.util.Map<String, Long> rangeLineFeeds;
    private java.util.Map<String, Long> rangeUnreadable;

    @DynamoDbPartitionKey
    public String getImportId() {
        return importId;
    }

    public void setImportId(String importId) {
        this.importId = importId;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = BY_RECENCY)
    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    @DynamoDbSecondarySortKey(indexNames = BY_RECENCY)
    public String getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(String startedAt) {
        this.startedAt = startedAt;
    }

    public String getFinishedAt() {
        return finishedAt;
    }

    public void setFinishedAt(String finishedAt) {
        this.finishedAt = finishedAt;
    }

    public String getBucket() {
        return bucket;
    }

    public void setBucket(String bucket) {
        this.bucket = bucket;
    }

    public String getFileKey() {
        return fileKey;
    }

    public void setFileKey(String fileKey) {
        this.fileKey = fileKey;
    }

    public String getReportKey() {
        return reportKey;
    }

    public void setReportKey(String reportKey) {
        this.reportKey = reportKey;
    }

    public long getRead() {
        return read;
    }

    public void setRead(long read) {
        this.read = read;
    }

    public long getCreated() {
        return created;
    }

    public void setCreated(long created) {
        this.created = created;
    }

    public long getUpdated() {
        return updated;
    }

    public void setUpdated(long updated) {
        this.updated = updated;
    }

    public long getUnchanged() {
        return unchanged;
    }

    public void setUnchanged(long unchanged) {
        this.unchanged = unchanged;
    }

    public long getRejected() {
        return rejected;
    }

    public void setRejected(long rejected) {
        this.rejected = rejected;
    }

    public String getFileError() {
        return fileError;
    }

    public void setFileError(String fileError) {
        this.fileError = fileError;
    }

    /** Epoch seconds; the table's TTL removes the run record after that. */
    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }

    /** How many ranges the file was cut into; null for a run imported in one invocation. */
    public Integer getRangesTotal() {
        return rangesTotal;
    }

    public void setRangesTotal(Integer rangesTotal) {
        this.rangesTotal = rangesTotal;
    }

    /** The indexes of the ranges imported and counted (a number set: adding one twice is a no-op). */
    public java.util.Set<Integer> getRangesDone() {
        return rangesDone;
    }

    public void setRangesDone(java.util.Set<Integer> rangesDone) {
        this.rangesDone = rangesDone;
    }

    public java.util.Set<Integer> getRangesAbandoned() {
        return rangesAbandoned;
    }

    public void setRangesAbandoned(java.util.Set<Integer> rangesAbandoned) {
        this.rangesAbandoned = rangesAbandoned;
    }

    /** Line feeds per settled range (key: its index), to number the report's lines. */
    public java.util.Map<String, Long> getRangeLineFeeds() {
        return rangeLineFeeds;
    }

    public void setRangeLineFeeds(java.util.Map<String, Long> rangeLineFeeds) {
        this.rangeLineFeeds = rangeLineFeeds;
    }

    /** Per range that broke off (key: its index), the line within it from which it could not be read. */
    public java.util.Map<String, Long> getRangeUnreadable() {
        return rangeUnreadable;
    }

    public void setRangeUnreadable(java.util.Map<String, Long> rangeUnreadable) {
        this.rangeUnreadable = rangeUnreadable;
    }
}
