package fr.espacesante.aws.campaign;

import fr.espacesante.aws.person.PersonItem;
import fr.espacesante.domain.campaign.Departments;
import fr.espacesante.domain.campaign.port.out.NotificationQueue;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** The AwaitingNotification index of the Persons table: partition "département#shard". */
public final class DynamoDbNotificationQueue implements NotificationQueue {

    private final DynamoDbClient dynamoDb;
    private final String personsTable;

    public DynamoDbNotificationQueue(DynamoDbClient dynamoDb, String personsTable) {
        this.dynamoDb = dynamoDb;
        this.personsTable = personsTable;
    }

    @Override
    public List<Queued> awaiting(String department, int shard, int limit) {
        return dynamoDb.query(r -> r.tableName(personsTable).indexName(PersonItem.AWAITING_NOTIFICATION)
                        .keyConditionExpression("notifyShard = :shard")
                        .expressionAttributeValues(Map.of(":shard", Attributes.s(department + "#" + shard)))
                        .limit(limit))
                .items().stream()
                .map(item -> new Queued(item.get("personKey").s(), item.containsKey("email")))
                .toList();
    }

    @Override
    public long countAwaiting(List<String> departments) {
        long count = 0;
        for (String department : departments) {
            for (int shard = 0; shard < Departments.SHARDS; shard++) {
                String partition = department + "#" + shard;
                QueryRequest request = QueryRequest.builder().tableName(personsTable)
                        .indexName(PersonItem.AWAITING_NOTIFICATION)
                        .keyConditionExpression("notifyShard = :shard")
                        .expressionAttributeValues(Map.of(":shard", Attributes.s(partition)))
                        .select(Select.COUNT).build();
                for (var page : dynamoDb.queryPaginator(request)) {
                    count += page.count();
                }
            }
        }
        return count;
    }
}
