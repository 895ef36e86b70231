package fr.espacesante.aws.person;

import fr.espacesante.domain.person.PersonStatus;
import fr.espacesante.domain.space.port.out.PersonDirectory;
import fr.espacesante.domain.space.RegisteredPerson;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Persons read and moved along their life by the space functions (the import writes them). */
public final class DynamoDbPersonDirectory implements PersonDirectory {

    private static final TableSchema<PersonItem> SCHEMA = TableSchema.fromBean(PersonItem.class);

    private final DynamoDbClient dynamoDb;
    private final DynamoDbTable<PersonItem> table;
    private final String tableName;

    public DynamoDbPersonDirectory(DynamoDbClient dynamoDb, DynamoDbEnhancedClient enhanced, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.table = enhanced.table(tableName, SCHEMA);
    }

    @Override
    public Optional<RegisteredPerson> find(String personKey) {
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(personKey).build())
                .consistentRead(true))).map(item -> new RegisteredPerson(item.getPersonKey(),
                DynamoDbPersonRegistry.identityOf(item), DynamoDbPersonRegistry.contactOf(item),
                PersonStatus.valueOf(item.getStatus()), Optional.ofNullable(item.getNotifiedBy())));
    }

    @Override
    public void markSpaceCreated(String personKey, Instant at) {
        try {
            dynamoDb.updateItem(r -> r.tableName(tableName)
                    .key(Map.of("personKey", AttributeValue.fromS(personKey)))
                    // Out of the wave queue and the sweep's index: nothing more is owed to this person.
                    .updateExpression("SET #status = :created, spaceCreatedAt = if_not_exists(spaceCreatedAt, :at)"
                            + " REMOVE notifyShard, dueShard")
                    .conditionExpression("attribute_exists(personKey)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":created", AttributeValue.fromS(PersonStatus.SPACE_CREATED.name()),
                            ":at", AttributeValue.fromS(at.toString()))));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("Persons table: no such person", e);
        }
    }
}
