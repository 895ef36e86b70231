package fr.espacesante.aws.space;

import fr.espacesante.domain.space.port.out.IdentityLinks;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Login ↔ person links: an item per login in the IdentityLinks table, and the login written on the
 * person's item, both in one transaction whose conditions make each side unique. A retried or
 * concurrent activation of the same pair finds the link already there.
 */
public final class DynamoDbIdentityLinks implements IdentityLinks {

    private final DynamoDbClient dynamoDb;
    private final String linksTable;
    private final String personsTable;

    public DynamoDbIdentityLinks(DynamoDbClient dynamoDb, String linksTable, String personsTable) {
        this.dynamoDb = dynamoDb;
        this.linksTable = linksTable;
        this.personsTable = personsTable;
    }

    @Override
    public Optional<String> personKeyOf(String subject) {
        GetItemResponse response = dynamoDb.getItem(r -> r.tableName(linksTable)
                .key(Map.of("subject", s(subject))).consistentRead(true));
        return response.hasItem() ? Optional.of(response.item().get("personKey").s()) : Optional.empty();
    }

    @Override
    public LinkOutcome link(String subject, String personKey, Instant at) {
        TransactWriteItem linkItem = TransactWriteItem.builder().put(p -> p.tableName(linksTable)
                .item(Map.of("subject", s(subject), "personKey", s(personKey), "linkedAt", s(at.toString())))
                .conditionExpression("attribute_not_exists(subject)")).build();
        TransactWriteItem personSide = TransactWriteItem.builder().update(u -> u.tableName(personsTable)
                .key(Map.of("personKey", s(personKey)))
                .updateExpression("SET linkedSubject = :subject")
                .conditionExpression("attribute_exists(personKey) AND attribute_not_exists(linkedSubject)")
                .expressionAttributeValues(Map.of(":subject", s(subject)))).build();
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(linkItem, personSide));
            return LinkOutcome.LINKED;
        } catch (TransactionCanceledException e) {
            // Say which side is taken; a conflict with ourselves means a retry of the same link.
            Optional<String> linkedPerson = personKeyOf(subject);
            if (linkedPerson.isPresent()) {
                return linkedPerson.get().equals(personKey) ? LinkOutcome.ALREADY_LINKED : LinkOutcome.SUBJECT_LINKED_ELSEWHERE;
            }
            GetItemResponse person = dynamoDb.getItem(r -> r.tableName(personsTable)
                    .key(Map.of("personKey", s(personKey))).consistentRead(true));
            if (person.hasItem() && person.item().containsKey("linkedSubject")) {
                return LinkOutcome.PERSON_LINKED_ELSEWHERE;
            }
            throw new IllegalStateException("IdentityLinks: link refused for no recorded reason", e);
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
