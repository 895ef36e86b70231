package fr.espacesante.aws.lifecycle;

import fr.espacesante.aws.caregiver.DynamoDbCaregivers;
import fr.espacesante.aws.letters.S3LetterOffice;
import fr.espacesante.domain.document.Document;
import fr.espacesante.domain.lifecycle.port.out.SpaceErasure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import fr.espacesante.aws.agenda.DynamoDbAgendaBook;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * Erases a space's data from DynamoDB and S3 — the items of every table that carry the space's (or the
 * person's) key. Buckets are versioned: every version and delete marker
 * of the space's document objects (and of its notification letters) is deleted by version id, so
 * nothing is left to recover. Each step deletes what it still finds, so running it again after a
 * crash finishes the work. Order matters only where a step reads what another deletes: letters are
 * found through the notifications, guardianships through the space's item (removed by the purge last).
 */
public final class SpaceErasureAdapter implements SpaceErasure {

    /** The tables and buckets a space's data lives in. */
    public record Stores(String spacesTable, String personsTable, String documentsTable, String accessHistoryTable,
                         String guardianshipsTable, String identityLinksTable, String notificationsTable,
                         String caregiversTable, String messagesTable, String agendaTable, String profileTable, String serviceGrantsTable, String documentsBucket,
                         String lettersBucket) {
    }

    private static final int BATCH = 25;

    private final DynamoDbClient dynamoDb;
    private final S3Client s3;
    private final Stores stores;

    public SpaceErasureAdapter(DynamoDbClient dynamoDb, S3Client s3, Stores stores) {
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
        this.stores = stores;
    }

    @Override
    public void erase(String spaceKey) {
        eraseObjects(stores.documentsBucket(), Document.objectKey(spaceKey, ""));
        eraseObjects(stores.documentsBucket(), "verifies/" + spaceKey + "/");
        deletePartition(stores.documentsTable(), "spaceKey", spaceKey, List.of("spaceKey", "documentId"));
        deletePartition(stores.accessHistoryTable(), "spaceKey", spaceKey, List.of("spaceKey", "entryKey"));
        // Conversations and messages: the patient's copy and the professional's (they live together).
        deletePartition(stores.messagesTable(), "spaceKey", spaceKey, List.of("spaceKey", "itemKey"));
        eraseSubscription(spaceKey);
        deletePartition(stores.agendaTable(), "spaceKey", spaceKey, List.of("spaceKey", "itemKey"));
        deletePartition(stores.profileTable(), "spaceKey", spaceKey, List.of("spaceKey", "itemKey"));
        eraseGrants(spaceKey);
        eraseGuardianships(spaceKey);
        eraseCaregivers(spaceKey);
        eraseNotifications(spaceKey);
        eraseLoginLink(spaceKey);
    }

    /** Every version and delete marker under the prefix, deleted by version id until none is listed. */
    private void eraseObjects(String bucket, String prefix) {
        while (true) {
            List<ObjectIdentifier> versions = new ArrayList<>();
            var listing = s3.listObjectVersions(r -> r.bucket(bucket).prefix(prefix).maxKeys(1000));
            listing.versions().forEach(v -> versions.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
            listing.deleteMarkers().forEach(m -> versions.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
            if (versions.isEmpty()) {
                return;
            }
            s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(versions).quiet(true)));
        }
    }

    /** A parent's guardianships (and their place in each child's space), and the child's side of its own. */
    /** Each grant to a service lives in the space's partition and under its pseudonym (revoked ones too); the review marker too. */
    private void eraseGrants(String spaceKey) {
        forEachItem(QueryRequest.builder().tableName(stores.serviceGrantsTable()).keyConditionExpression("partitionKey = :k")
                .expressionAttributeValues(Map.of(":k", s(spaceKey))), grant -> {
            if (grant.containsKey("pseudonym")) {
                deleteItem(stores.serviceGrantsTable(), Map.of("partitionKey", s("pseudonyme#" + grant.get("pseudonym").s()),
                        "itemKey", s("grant")));
            }
            deleteItem(stores.serviceGrantsTable(), Map.of("partitionKey", grant.get("partitionKey"), "itemKey", grant.get("itemKey")));
        });
    }

    /** The calendar subscription's token item lives in its own partition: found through the space's. */
    private void eraseSubscription(String spaceKey) {
        var pointer = dynamoDb.getItem(r -> r.tableName(stores.agendaTable()).consistentRead(true)
                .key(Map.of("spaceKey", s(spaceKey), "itemKey", s(DynamoDbAgendaBook.SUBSCRIPTION)))).item();
        if (pointer.containsKey("tokenHash")) {
            deleteItem(stores.agendaTable(), Map.of("spaceKey", s(DynamoDbAgendaBook.SUBSCRIPTION + pointer.get("tokenHash").s()),
                    "itemKey", s(DynamoDbAgendaBook.SUBSCRIPTION)));
        }
    }

    private void eraseGuardianships(String spaceKey) {
        forEachItem(QueryRequest.builder().tableName(stores.guardianshipsTable()).keyConditionExpression("parentKey = :k")
                .expressionAttributeValues(Map.of(":k", s(spaceKey))), g -> {
            try {
                dynamoDb.updateItem(r -> r.tableName(stores.spacesTable()).key(Map.of("spaceKey", g.get("childKey")))
                        .updateExpression("DELETE legalRepresentatives :parent ADD version :one")
                        .conditionExpression("attribute_exists(spaceKey)")
                        .expressionAttributeValues(Map.of(":parent", AttributeValue.fromSs(List.of(spaceKey)),
                                ":one", AttributeValue.fromN("1"))));
            } catch (ConditionalCheckFailedException childSpaceGone) {
                // Nothing to detach.
            }
            deleteItem(stores.guardianshipsTable(), Map.of("parentKey", g.get("parentKey"), "reference", g.get("reference")));
        });
        var space = dynamoDb.getItem(r -> r.tableName(stores.spacesTable()).key(Map.of("spaceKey", s(spaceKey)))
                .consistentRead(true));
        if (!space.hasItem() || !space.item().containsKey("legalRepresentatives")) {
            return;
        }
        for (String parentKey : space.item().get("legalRepresentatives").ss()) {
            forEachItem(QueryRequest.builder().tableName(stores.guardianshipsTable()).keyConditionExpression("parentKey = :p")
                    .filterExpression("childKey = :k")
                    .expressionAttributeValues(Map.of(":p", s(parentKey), ":k", s(spaceKey))), g ->
                    deleteItem(stores.guardianshipsTable(), Map.of("parentKey", g.get("parentKey"), "reference", g.get("reference"))));
        }
    }

    /**
     * The person's caregivers (each freed of one person helped) and invitations, and their place as a
     * caregiver of others (out of those spaces at once).
     */
    private void eraseCaregivers(String personKey) {
        DynamoDbCaregivers caregivers = new DynamoDbCaregivers(dynamoDb, stores.caregiversTable(), stores.spacesTable(), null);
        caregivers.helpedBy(personKey).forEach(caregivers::revoke);
        caregivers.of(personKey).forEach(caregivers::revoke);
        deletePartition(stores.caregiversTable(), "spaceKey", personKey, List.of("spaceKey", "itemKey"));
    }

    /** The notifications of every wave (and of the handover at 18), and the letters they were sent as. */
    private void eraseNotifications(String personKey) {
        forEachItem(QueryRequest.builder().tableName(stores.notificationsTable()).keyConditionExpression("personKey = :k")
                .expressionAttributeValues(Map.of(":k", s(personKey))), n -> {
            eraseObjects(stores.lettersBucket(), S3LetterOffice.letterKey(n.get("waveId").s(), personKey));
            eraseObjects(stores.lettersBucket(), "courriers/majorite/" + personKey);
            deleteItem(stores.notificationsTable(), Map.of("personKey", n.get("personKey"), "waveId", n.get("waveId")));
        });
    }

    /** The login's link to the person: after deletion, the login is a stranger again (a new, empty space). */
    private void eraseLoginLink(String personKey) {
        var person = dynamoDb.getItem(r -> r.tableName(stores.personsTable()).key(Map.of("personKey", s(personKey)))
                .consistentRead(true));
        if (!person.hasItem() || !person.item().containsKey("linkedSubject")) {
            return;
        }
        try {
            dynamoDb.deleteItem(r -> r.tableName(stores.identityLinksTable())
                    .key(Map.of("subject", person.item().get("linkedSubject")))
                    .conditionExpression("personKey = :k")
                    .expressionAttributeValues(Map.of(":k", s(personKey))));
        } catch (ConditionalCheckFailedException alreadyGone) {
            // Deleted by an earlier run.
        }
    }

    private void deletePartition(String table, String partitionName, String partition, List<String> keyNames) {
        List<WriteRequest> batch = new ArrayList<>();
        forEachItem(QueryRequest.builder().tableName(table).keyConditionExpression("#p = :k")
                .expressionAttributeNames(Map.of("#p", partitionName))
                .expressionAttributeValues(Map.of(":k", s(partition))), item -> {
            Map<String, AttributeValue> key = new java.util.HashMap<>();
            keyNames.forEach(name -> key.put(name, item.get(name)));
            batch.add(WriteRequest.builder().deleteRequest(d -> d.key(key)).build());
            if (batch.size() == BATCH) {
                write(table, batch);
            }
        });
        write(table, batch);
    }

    private void write(String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = batch.isEmpty() ? Map.of() : Map.of(table, List.copyOf(batch));
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            pending = dynamoDb.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
        }
        batch.clear();
    }

    /** Every item a query finds, page by page, read consistently. */
    private void forEachItem(QueryRequest.Builder query, Consumer<Map<String, AttributeValue>> action) {
        fr.espacesante.aws.Queries.forEachItem(dynamoDb, query, action);
    }

    private void deleteItem(String table, Map<String, AttributeValue> key) {
        dynamoDb.deleteItem(r -> r.tableName(table).key(key));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
