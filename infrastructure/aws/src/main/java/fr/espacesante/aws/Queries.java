package fr.espacesante.aws;

import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** A query read whole, page after page (for partitions known to be small: a profile, a space's statuses, the catalogue). */
public final class Queries {

    private Queries() {
    }

    public static void forEachItem(DynamoDbClient dynamoDb, QueryRequest.Builder query, Consumer<Map<String, AttributeValue>> action) {
        Map<String, AttributeValue> start = null;
        do {
            var page = dynamoDb.query(query.exclusiveStartKey(start).build());
            page.items().forEach(action);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }
}
