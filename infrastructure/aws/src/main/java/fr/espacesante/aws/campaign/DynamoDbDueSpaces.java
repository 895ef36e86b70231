package fr.espacesante.aws.campaign;

import static fr.espacesante.aws.campaign.Attributes.key;
import static fr.espacesante.aws.campaign.Attributes.s;

import fr.espacesante.aws.Checkpoints;
import fr.espacesante.aws.PageCursors;
import fr.espacesante.aws.person.PersonItem;
import fr.espacesante.aws.space.DynamoDbSpaces;
import fr.espacesante.domain.person.PersonStatus;
import fr.espacesante.domain.campaign.port.out.DueSpaces;
import fr.espacesante.domain.space.Space;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The sweep's side of DynamoDB: the DueForSpace index of the Persons table (partition
 * "deadline#shard"), the conditional creation of spaces, and the checkpoint in CampaignState.
 */
public final class DynamoDbDueSpaces implements DueSpaces {

    private static final String CHECKPOINT = "sweep";

    private final DynamoDbClient dynamoDb;
    private final String personsTable;
    private final String spacesTable;
    private final String wavesTable;
    private final String stateTable;
    private final DoubleAdder readUnits = new DoubleAdder();

    public DynamoDbDueSpaces(DynamoDbClient dynamoDb, String personsTable, String spacesTable, String wavesTable,
                             String stateTable) {
        this.dynamoDb = dynamoDb;
        this.personsTable = personsTable;
        this.spacesTable = spacesTable;
        this.wavesTable = wavesTable;
        this.stateTable = stateTable;
    }

    @Override
    public Page due(LocalDate deadline, int shard, int limit, Optional<String> cursor) {
        QueryResponse response = dynamoDb.query(r -> {
            r.tableName(personsTable).indexName(PersonItem.DUE_FOR_SPACE)
                    .keyConditionExpression("dueShard = :due")
                    .expressionAttributeValues(Map.of(":due", s(deadline + "#" + shard)))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                    .limit(limit);
            cursor.map(c -> PageCursors.decode(c, Set.of("personKey", "dueShard"), "dueShard", deadline + "#" + shard)).ifPresent(r::exclusiveStartKey);
        });
        if (response.consumedCapacity() != null && response.consumedCapacity().capacityUnits() != null) {
            readUnits.add(response.consumedCapacity().capacityUnits());
        }
        var persons = response.items().stream().map(item -> new DuePerson(item.get("personKey").s(),
                item.get("notifiedBy").s(), Optional.ofNullable(item.get("email")).map(AttributeValue::s))).toList();
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(PageCursors.encode(response.lastEvaluatedKey())) : Optional.empty();
        return new Page(persons, next);
    }

    @Override
    public boolean createSpace(DuePerson person, LocalDate deadline, Space space) {
        TransactWriteItem create = TransactWriteItem.builder().put(p -> p.tableName(spacesTable)
                .item(DynamoDbSpaces.toAttributes(space))
                .conditionExpression("attribute_not_exists(spaceKey)")).build();
        TransactWriteItem markPerson = TransactWriteItem.builder().update(u -> u.tableName(personsTable)
                .key(key("personKey", person.personKey()))
                .updateExpression("SET #status = :created, spaceCreatedAt = :at REMOVE dueShard")
                .conditionExpression("#status = :notified AND dueShard = :due")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(new Attributes.Values().put(":created", PersonStatus.SPACE_CREATED.name())
                        .put(":notified", PersonStatus.NOTIFIED.name()).put(":at", space.createdAt().toString())
                        .put(":due", deadline + "#" + fr.espacesante.domain.campaign.Departments.shardOf(person.personKey()))
                        .map())).build();
        TransactWriteItem count = TransactWriteItem.builder().update(u -> u.tableName(wavesTable)
                .key(key("waveId", person.waveId()))
                .updateExpression("ADD spacesCreated :one")
                .expressionAttributeValues(Map.of(":one", Attributes.n(1)))).build();
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(create, markPerson, count));
            return true;
        } catch (TransactionCanceledException notDueAnymore) {
            return false;
        }
    }

    @Override
    public Optional<LocalDate> sweptThrough() {
        return new Checkpoints(dynamoDb, stateTable, CHECKPOINT).day();
    }

    @Override
    public void recordSweptThrough(LocalDate day) {
        new Checkpoints(dynamoDb, stateTable, CHECKPOINT).record(day);
    }

    @Override
    public double consumedReadUnits() {
        return readUnits.sum();
    }
}
