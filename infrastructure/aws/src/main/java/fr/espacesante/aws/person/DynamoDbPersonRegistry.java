package fr.espacesante.aws.person;

import fr.espacesante.domain.person.ContactDetails;
import fr.espacesante.domain.person.Identity;
import fr.espacesante.domain.person.PersonStatus;
import fr.espacesante.domain.person.PostalAddress;
import fr.espacesante.domain.person.RegistryPerson;
import fr.espacesante.domain.port.out.PersonRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Persons in DynamoDB, keyed by the NIR's keyed hash.
 *
 * <p>A batch is one transaction of conditional puts ({@code attribute_not_exists}): new persons are
 * created together, and a person already stored makes the transaction fail with their stored item,
 * which decides between unchanged, contact update and identity mismatch. A stored person is never
 * overwritten, so a re-import cannot undo what happened to them since (notification, space, ...).
 */
public final class DynamoDbPersonRegistry implements PersonRegistry {

    /** The most items one TransactWriteItems call may hold. */
    public static final int MAX_BATCH = 100;
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
    public List<StoreOutcome> store(List<RegistryPerson> batch) {
        Map<Integer, StoreOutcome> outcomes = new HashMap<>();
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            pending.add(i);
        }
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                throw new IllegalStateException("Persons table: batch still contended after " + MAX_ATTEMPTS + " attempts");
            }
            pending = createAll(batch, pending, outcomes, attempt);
        }
        List<StoreOutcome> ordered = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            ordered.add(outcomes.get(i));
        }
        return ordered;
    }

    /** One transaction over the pending persons; returns those to try again. */
    private List<Integer> createAll(List<RegistryPerson> batch, List<Integer> pending,
                                    Map<Integer, StoreOutcome> outcomes, int attempt) {
        String now = clock.instant().toString();
        TransactWriteItemsEnhancedRequest.Builder transaction = TransactWriteItemsEnhancedRequest.builder();
        for (int index : pending) {
            transaction.addPutItem(table, TransactPutItemEnhancedRequest.builder(PersonItem.class)
                    .item(newItem(batch.get(index), now))
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(personKey)").build())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
        }
        try {
            enhanced.transactWriteItems(transaction.build());
            pending.forEach(index -> outcomes.put(index, StoreOutcome.CREATED));
            return List.of();
        } catch (TransactionCanceledException cancelled) {
            return sortOut(batch, pending, cancelled.cancellationReasons(), outcomes, attempt);
        }
    }

    private List<Integer> sortOut(List<RegistryPerson> batch, List<Integer> pending, List<CancellationReason> reasons,
                                  Map<Integer, StoreOutcome> outcomes, int attempt) {
        List<Integer> retry = new ArrayList<>();
        List<Integer> existingWithoutItem = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            int index = pending.get(i);
            CancellationReason reason = i < reasons.size() ? reasons.get(i) : null;
            String code = reason == null ? "None" : reason.code();
            if ("ConditionalCheckFailed".equals(code)) {
                if (reason.hasItem() && !reason.item().isEmpty()) {
                    outcomes.put(index, merge(batch.get(index), SCHEMA.mapToItem(reason.item())));
                } else {
                    existingWithoutItem.add(index);
                }
            } else {
                // "None": cancelled because of another item; conflicts and throttling: try again.
                retry.add(index);
            }
        }
        if (!existingWithoutItem.isEmpty()) {
            mergeAfterReading(batch, existingWithoutItem, outcomes);
        }
        if (!retry.isEmpty() && retry.size() == pending.size()) {
            backOff(attempt);
        }
        return retry;
    }

    /** Emulators that do not return the stored item with the cancellation get it read instead. */
    private void mergeAfterReading(List<RegistryPerson> batch, List<Integer> indexes, Map<Integer, StoreOutcome> outcomes) {
        ReadBatch.Builder<PersonItem> read = ReadBatch.builder(PersonItem.class).mappedTableResource(table);
        indexes.forEach(index -> read.addGetItem(Key.builder().partitionValue(batch.get(index).personKey()).build()));
        Map<String, PersonItem> stored = new HashMap<>();
        enhanced.batchGetItem(b -> b.readBatches(read.build())).resultsForTable(table)
                .forEach(item -> stored.put(item.getPersonKey(), item));
        for (int index : indexes) {
            PersonItem item = stored.get(batch.get(index).personKey());
            if (item == null) {
                throw new IllegalStateException("Persons table: conditional check failed on an absent item");
            }
            outcomes.put(index, merge(batch.get(index), item));
        }
    }

    private StoreOutcome merge(RegistryPerson incoming, PersonItem stored) {
        if (!identityOf(stored).equals(incoming.identity())) {
            return StoreOutcome.IDENTITY_DIFFERS;
        }
        if (contactOf(stored).equals(incoming.contact())) {
            return StoreOutcome.UNCHANGED;
        }
        updateContact(incoming);
        return StoreOutcome.CONTACT_UPDATED;
    }

    /** Sets the contact fields and nothing else; the person's status and history stay as they are. */
    private void updateContact(RegistryPerson person) {
        ContactDetails contact = person.contact();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":department", s(contact.department()));
        values.put(":street", s(contact.address().street()));
        values.put(":postcode", s(contact.address().postcode()));
        values.put(":town", s(contact.address().town()));
        values.put(":now", s(clock.instant().toString()));
        String update = "SET department = :department, street = :street, postcode = :postcode, town = :town,"
                + " contactUpdatedAt = :now";
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
                    .conditionExpression("attribute_exists(personKey)")
                    .expressionAttributeValues(values)
                    .build());
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("Persons table: person vanished during a contact update", e);
        }
    }

    private PersonItem newItem(RegistryPerson person, String now) {
        PersonItem item = new PersonItem();
        item.setPersonKey(person.personKey());
        item.setStatus(PersonStatus.IMPORTED.name());
        item.setSealedNir(person.sealedNir());
        item.setLastName(person.identity().lastName());
        item.setFirstNames(person.identity().firstNames());
        item.setBirthDate(person.identity().birthDate().toString());
        item.setDepartment(person.contact().department());
        item.setStreet(person.contact().address().street());
        item.setPostcode(person.contact().address().postcode());
        item.setTown(person.contact().address().town());
        item.setEmail(person.contact().email().orElse(null));
        item.setImportedAt(now);
        return item;
    }

    static Identity identityOf(PersonItem item) {
        return new Identity(item.getLastName(), item.getFirstNames(), LocalDate.parse(item.getBirthDate()));
    }

    static ContactDetails contactOf(PersonItem item) {
        return new ContactDetails(item.getDepartment(),
                new PostalAddress(item.getStreet(), item.getPostcode(), item.getTown()),
                Optional.ofNullable(item.getEmail()));
    }

    /** Reads one stored person (tests and later use cases). */
    public Optional<PersonItem> find(String personKey) {
        return Optional.ofNullable(table.getItem(Key.builder().partitionValue(personKey).build()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(Math.min(1000L, 20L << attempt) + (long) (Math.random() * 20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
