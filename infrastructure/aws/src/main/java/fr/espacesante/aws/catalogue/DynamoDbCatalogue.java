package fr.espacesante.aws.catalogue;

import fr.espacesante.aws.Queries;
import fr.espacesante.domain.catalogue.DataScope;
import fr.espacesante.domain.catalogue.Purpose;
import fr.espacesante.domain.catalogue.ReferencedService;
import fr.espacesante.domain.catalogue.port.out.Catalogue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The Catalogue table: every referenced service in one partition ({@code catalogue}, by id: the
 * catalogue is tens of entries, read whole by one query), and each service's audit lines in its own
 * ({@code journal#<id>}, by time).
 */
public final class DynamoDbCatalogue implements Catalogue {

    private static final String SERVICES = "catalogue";
    private static final String JOURNAL = "journal#";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbCatalogue(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public List<ReferencedService> all() {
        List<ReferencedService> all = new ArrayList<>();
        Queries.forEachItem(dynamoDb, software.amazon.awssdk.services.dynamodb.model.QueryRequest.builder().tableName(table)
                .keyConditionExpression("partitionKey = :p").expressionAttributeValues(Map.of(":p", s(SERVICES))),
                item -> all.add(toService(item)));
        return all;
    }

    @Override
    public Optional<ReferencedService> find(String serviceId) {
        var item = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("partitionKey", s(SERVICES), "itemKey", s(serviceId)))).item();
        return item.isEmpty() ? Optional.empty() : Optional.of(toService(item));
    }

    @Override
    public void save(ReferencedService service, Change change) {
        Map<String, AttributeValue> audit = new HashMap<>();
        audit.put("partitionKey", s(JOURNAL + change.serviceId()));
        audit.put("itemKey", s(change.at() + "#" + UUID.randomUUID()));
        audit.put("operator", s(change.operator()));
        audit.put("change", s(change.change()));
        audit.put("version", AttributeValue.fromN(Long.toString(change.version())));
        audit.put("at", s(change.at().toString()));
        dynamoDb.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(toItem(service))).build(),
                TransactWriteItem.builder().put(p -> p.tableName(table).item(audit)).build()));
    }

    @Override
    public List<Change> changes(String serviceId) {
        return dynamoDb.query(r -> r.tableName(table).keyConditionExpression("partitionKey = :p")
                        .expressionAttributeValues(Map.of(":p", s(JOURNAL + serviceId))).limit(200)).items().stream()
                .map(i -> new Change(serviceId, Instant.parse(i.get("at").s()), i.get("operator").s(), i.get("change").s(),
                        Long.parseLong(i.get("version").n()))).toList();
    }

    private static Map<String, AttributeValue> toItem(ReferencedService s) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("partitionKey", s(SERVICES));
        item.put("itemKey", s(s.serviceId()));
        item.put("name", s(s.name()));
        item.put("editor", s(s.editor()));
        item.put("description", s(s.description()));
        item.put("categories", AttributeValue.fromL(s.categories().stream().map(DynamoDbCatalogue::s).toList()));
        item.put("state", s(s.state().name()));
        Map<String, AttributeValue> purposes = new HashMap<>();
        s.purposes().forEach((purpose, access) -> purposes.put(purpose.code(), AttributeValue.fromM(Map.of(
                "read", codes(access.read()), "write", codes(access.write())))));
        item.put("purposes", AttributeValue.fromM(purposes));
        item.put("version", AttributeValue.fromN(Long.toString(s.version())));
        item.put("changedAt", s(s.changedAt().toString()));
        return item;
    }

    private static ReferencedService toService(Map<String, AttributeValue> item) {
        Map<Purpose, ReferencedService.Access> purposes = new EnumMap<>(Purpose.class);
        item.get("purposes").m().forEach((code, access) -> purposes.put(Purpose.ofCode(code).orElseThrow(),
                new ReferencedService.Access(scopes(access.m().get("read")), scopes(access.m().get("write")))));
        return new ReferencedService(item.get("itemKey").s(), item.get("name").s(), item.get("editor").s(),
                item.get("description").s(), item.get("categories").l().stream().map(AttributeValue::s).toList(),
                ReferencedService.State.valueOf(item.get("state").s()), purposes, Long.parseLong(item.get("version").n()),
                Instant.parse(item.get("changedAt").s()));
    }

    static AttributeValue codes(Set<DataScope> scopes) {
        return AttributeValue.fromL(scopes.stream().map(DataScope::code).sorted().map(DynamoDbCatalogue::s).toList());
    }

    static Set<DataScope> scopes(AttributeValue list) {
        return list.l().stream().map(v -> DataScope.ofCode(v.s()).orElseThrow()).collect(Collectors.toSet());
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
