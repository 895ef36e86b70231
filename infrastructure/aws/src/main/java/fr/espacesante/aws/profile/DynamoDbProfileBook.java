package fr.espacesante.aws.profile;

import fr.espacesante.aws.PageCursors;
import fr.espacesante.aws.Queries;
import fr.espacesante.domain.profile.Measurement;
import fr.espacesante.domain.profile.MeasurementType;
import fr.espacesante.domain.profile.ProfileEntry;
import fr.espacesante.domain.profile.ProfileSection;
import fr.espacesante.domain.profile.SectionState;
import fr.espacesante.domain.profile.port.out.ProfileBook;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The Profile table, in the space's partition, keys sorted so that one query below {@code "V"} reads
 * the whole profile page: {@code S#<section>} (its entries as a list, its « non concerné » date, its
 * version), {@code D#<type>} (the last value of a series), {@code R#masquage} (sections hidden from
 * professionals); then the series {@code V#<type>#<measurement id>}, in time order by their id.
 */
public final class DynamoDbProfileBook implements ProfileBook {

    private static final String SECTION = "S#";
    private static final String LATEST = "D#";
    private static final String HIDDEN = "R#masquage";
    private static final String SERIES = "V#";
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbProfileBook(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Contents read(String spaceKey) {
        Map<ProfileSection, SectionState> sections = new EnumMap<>(ProfileSection.class);
        Map<MeasurementType, Measurement> latest = new EnumMap<>(MeasurementType.class);
        Set<ProfileSection> hidden = EnumSet.noneOf(ProfileSection.class);
        Queries.forEachItem(dynamoDb, QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("spaceKey = :k AND itemKey < :series")
                .expressionAttributeValues(Map.of(":k", s(spaceKey), ":series", s(SERIES))), item -> {
                    String key = item.get("itemKey").s();
                    if (key.startsWith(SECTION)) {
                        SectionState state = toSection(item);
                        sections.put(state.section(), state);
                    } else if (key.startsWith(LATEST)) {
                        Measurement m = toMeasurement(spaceKey, item);
                        latest.put(m.type(), m);
                    } else if (key.equals(HIDDEN)) {
                        item.get("sections").ss().forEach(code -> hidden.add(ProfileSection.ofCode(code)));
                    }
                });
        return new Contents(sections, latest, hidden);
    }

    @Override
    public SectionState section(String spaceKey, ProfileSection section) {
        var item = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true).key(key(spaceKey, SECTION + section.code()))).item();
        return item.isEmpty() ? SectionState.empty(section) : toSection(item);
    }

    @Override
    public boolean save(String spaceKey, SectionState state, long expectedVersion) {
        Map<String, AttributeValue> item = new HashMap<>(key(spaceKey, SECTION + state.section().code()));
        item.put("section", s(state.section().code()));
        item.put("entries", AttributeValue.fromL(state.entries().stream().map(DynamoDbProfileBook::entry).toList()));
        state.notConcernedSince().ifPresent(d -> item.put("notConcernedSince", s(d.toString())));
        item.put("version", n(state.version()));
        try {
            if (expectedVersion == 0) {
                dynamoDb.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(itemKey)"));
            } else {
                dynamoDb.putItem(r -> r.tableName(table).item(item).conditionExpression("version = :v")
                        .expressionAttributeValues(Map.of(":v", n(expectedVersion))));
            }
            return true;
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false;
        }
    }

    /** The value and, in the same transaction, the series' last value — unless a later one is there already. */
    @Override
    public void add(Measurement m) {
        TransactWriteItem value = TransactWriteItem.builder().put(p -> p.tableName(table).item(measurementItem(m, seriesKey(m)))
                .conditionExpression("attribute_not_exists(itemKey)")).build();
        TransactWriteItem last = TransactWriteItem.builder().put(p -> p.tableName(table).item(measurementItem(m, LATEST + m.type().code()))
                .conditionExpression("attribute_not_exists(measurementId) OR measurementId < :id")
                .expressionAttributeValues(Map.of(":id", s(m.measurementId())))).build();
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(value, last));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            boolean olderThanLast = reasons.size() == 2 && "ConditionalCheckFailed".equals(reasons.get(1).code())
                    && !"ConditionalCheckFailed".equals(reasons.get(0).code());
            if (!olderThanLast) {
                throw e;
            }
            // A value entered after a later one: it joins the series, the last value stays.
            dynamoDb.putItem(r -> r.tableName(table).item(measurementItem(m, seriesKey(m))).conditionExpression("attribute_not_exists(itemKey)"));
        }
    }

    @Override
    public Optional<Measurement> find(String spaceKey, MeasurementType type, String measurementId) {
        var item = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(spaceKey, SERIES + type.code() + "#" + measurementId))).item();
        return item.isEmpty() ? Optional.empty() : Optional.of(toMeasurement(spaceKey, item));
    }

    @Override
    public void remove(Measurement m) {
        dynamoDb.deleteItem(r -> r.tableName(table).key(key(m.spaceKey(), seriesKey(m))));
        Map<String, AttributeValue> lastKey = key(m.spaceKey(), LATEST + m.type().code());
        var last = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true).key(lastKey)).item();
        if (last.isEmpty() || !m.measurementId().equals(last.get("measurementId").s())) {
            return;
        }
        QueryResponse before = dynamoDb.query(r -> r.tableName(table).consistentRead(true).scanIndexForward(false).limit(1)
                .keyConditionExpression("spaceKey = :k AND begins_with(itemKey, :p)")
                .expressionAttributeValues(Map.of(":k", s(m.spaceKey()), ":p", s(SERIES + m.type().code() + "#"))));
        try {
            if (before.items().isEmpty()) {
                dynamoDb.deleteItem(r -> r.tableName(table).key(lastKey).conditionExpression("measurementId = :id")
                        .expressionAttributeValues(Map.of(":id", s(m.measurementId()))));
            } else {
                Measurement previous = toMeasurement(m.spaceKey(), before.items().get(0));
                dynamoDb.putItem(r -> r.tableName(table).item(measurementItem(previous, LATEST + m.type().code()))
                        .conditionExpression("measurementId = :id").expressionAttributeValues(Map.of(":id", s(m.measurementId()))));
            }
        } catch (ConditionalCheckFailedException laterValueCame) {
            // A newer value became the last one meanwhile: it stays.
        }
    }

    @Override
    public SeriesPage series(String spaceKey, MeasurementType type, Instant from, Instant to, int limit, Optional<String> cursor) {
        String prefix = SERIES + type.code() + "#";
        QueryResponse response = PageCursors.query(cursor, () -> dynamoDb.query(r -> {
            r.tableName(table).consistentRead(true).limit(limit)
                    .keyConditionExpression("spaceKey = :k AND itemKey BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":k", s(spaceKey), ":from", s(prefix + ID_TIME.format(from)),
                            ":to", s(prefix + ID_TIME.format(to) + "-~")));
            cursor.map(c -> PageCursors.decode(c, Set.of("spaceKey", "itemKey"), "spaceKey", spaceKey)).ifPresent(r::exclusiveStartKey);
        }));
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(PageCursors.encode(response.lastEvaluatedKey(), "spaceKey")) : Optional.empty();
        return new SeriesPage(response.items().stream().map(i -> toMeasurement(spaceKey, i)).toList(), next);
    }

    @Override
    public void hideFromProfessionals(String spaceKey, Set<ProfileSection> sections) {
        if (sections.isEmpty()) {
            dynamoDb.deleteItem(r -> r.tableName(table).key(key(spaceKey, HIDDEN)));
            return;
        }
        Map<String, AttributeValue> item = new HashMap<>(key(spaceKey, HIDDEN));
        item.put("sections", AttributeValue.fromSs(sections.stream().map(ProfileSection::code).sorted().toList()));
        dynamoDb.putItem(r -> r.tableName(table).item(item));
    }

    // ------------------------------------------------------------------ items

    private static String seriesKey(Measurement m) {
        return SERIES + m.type().code() + "#" + m.measurementId();
    }

    private static Map<String, AttributeValue> measurementItem(Measurement m, String itemKey) {
        Map<String, AttributeValue> item = new HashMap<>(key(m.spaceKey(), itemKey));
        item.put("type", s(m.type().code()));
        item.put("measurementId", s(m.measurementId()));
        item.put("takenAt", s(m.takenAt().toString()));
        item.put("value", AttributeValue.fromN(m.value().toPlainString()));
        m.diastolic().ifPresent(d -> item.put("diastolic", AttributeValue.fromN(d.toPlainString())));
        item.put("enteredAt", s(m.enteredAt().toString()));
        item.put("source", s(m.source()));
        return item;
    }

    private static Measurement toMeasurement(String spaceKey, Map<String, AttributeValue> item) {
        return new Measurement(spaceKey, MeasurementType.ofCode(item.get("type").s()), item.get("measurementId").s(),
                Instant.parse(item.get("takenAt").s()), new BigDecimal(item.get("value").n()),
                Optional.ofNullable(item.get("diastolic")).map(v -> new BigDecimal(v.n())), Instant.parse(item.get("enteredAt").s()),
                item.get("source").s());
    }

    private static AttributeValue entry(ProfileEntry e) {
        Map<String, AttributeValue> values = e.values().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, v -> s(v.getValue())));
        return AttributeValue.fromM(Map.of("id", s(e.entryId()), "at", s(e.enteredAt().toString()), "by", s(e.enteredBy()),
                "values", AttributeValue.fromM(values)));
    }

    private static SectionState toSection(Map<String, AttributeValue> item) {
        List<ProfileEntry> entries = new ArrayList<>();
        for (AttributeValue v : item.get("entries").l()) {
            Map<String, AttributeValue> m = v.m();
            Map<String, String> values = new LinkedHashMap<>();
            m.get("values").m().forEach((name, value) -> values.put(name, value.s()));
            entries.add(new ProfileEntry(m.get("id").s(), values, Instant.parse(m.get("at").s()), m.get("by").s()));
        }
        return new SectionState(ProfileSection.ofCode(item.get("section").s()), entries,
                Optional.ofNullable(item.get("notConcernedSince")).map(d -> LocalDate.parse(d.s())),
                Long.parseLong(item.get("version").n()));
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
