package fr.espacesante.local;

import static fr.espacesante.local.SamTemplate.list;
import static fr.espacesante.local.SamTemplate.map;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/** Creates the template's DynamoDB tables (keys, GSIs, TTL) in DynamoDB Local: the schema has one source. */
final class LocalTables {

    private LocalTables() {
    }

    static List<String> create(SamTemplate template, DynamoDbClient dynamoDb) {
        return template.resourcesOfType("AWS::DynamoDB::Table").keySet().stream().map(id -> {
            Map<String, Object> p = template.properties(id);
            String name = template.physicalName(id);
            CreateTableRequest.Builder request = CreateTableRequest.builder()
                    .tableName(name)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(list(p.get("AttributeDefinitions")).stream().map(SamTemplate::map)
                            .map(a -> AttributeDefinition.builder()
                                    .attributeName(String.valueOf(a.get("AttributeName")))
                                    .attributeType(String.valueOf(a.get("AttributeType"))).build())
                            .toList())
                    .keySchema(keySchema(p.get("KeySchema")));
            List<GlobalSecondaryIndex> indexes = list(p.get("GlobalSecondaryIndexes")).stream().map(SamTemplate::map)
                    .map(g -> GlobalSecondaryIndex.builder()
                            .indexName(String.valueOf(g.get("IndexName")))
                            .keySchema(keySchema(g.get("KeySchema")))
                            .projection(projection(map(g.get("Projection"))))
                            .build())
                    .toList();
            if (!indexes.isEmpty()) {
                request.globalSecondaryIndexes(indexes);
            }
            List<software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex> local =
                    list(p.get("LocalSecondaryIndexes")).stream().map(SamTemplate::map)
                    .map(l -> software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex.builder()
                            .indexName(String.valueOf(l.get("IndexName")))
                            .keySchema(keySchema(l.get("KeySchema")))
                            .projection(projection(map(l.get("Projection"))))
                            .build())
                    .toList();
            if (!local.isEmpty()) {
                request.localSecondaryIndexes(local);
            }
            try {
                dynamoDb.createTable(request.build());
            } catch (ResourceInUseException alreadyThere) {
                addMissingIndexes(dynamoDb, name, request.build(), indexes);
                return name;
            }
            Map<String, Object> ttl = map(p.get("TimeToLiveSpecification"));
            if (Boolean.TRUE.equals(ttl.get("Enabled"))) {
                dynamoDb.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(
                        t -> t.attributeName(String.valueOf(ttl.get("AttributeName"))).enabled(true)));
            }
            return name;
        }).toList();
    }

    /** Data kept from an earlier run: indexes the template gained since are added, as a stack update would. */
    private static void addMissingIndexes(DynamoDbClient dynamoDb, String name, CreateTableRequest wanted,
                                          List<GlobalSecondaryIndex> indexes) {
        var existing = dynamoDb.describeTable(b -> b.tableName(name)).table().globalSecondaryIndexes().stream()
                .map(software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription::indexName).toList();
        for (GlobalSecondaryIndex index : indexes) {
            if (!existing.contains(index.indexName())) {
                dynamoDb.updateTable(b -> b.tableName(name).attributeDefinitions(wanted.attributeDefinitions())
                        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(index.indexName())
                                .keySchema(index.keySchema()).projection(index.projection()))));
            }
        }
    }

    private static List<KeySchemaElement> keySchema(Object raw) {
        return list(raw).stream().map(SamTemplate::map)
                .map(k -> KeySchemaElement.builder()
                        .attributeName(String.valueOf(k.get("AttributeName")))
                        .keyType(String.valueOf(k.get("KeyType"))).build())
                .toList();
    }

    private static Projection projection(Map<String, Object> raw) {
        Projection.Builder projection = Projection.builder()
                .projectionType(String.valueOf(raw.getOrDefault("ProjectionType", "ALL")));
        List<String> attributes = SamTemplate.strings(raw.get("NonKeyAttributes"));
        if (!attributes.isEmpty()) {
            projection.nonKeyAttributes(attributes);
        }
        return projection.build();
    }
}
