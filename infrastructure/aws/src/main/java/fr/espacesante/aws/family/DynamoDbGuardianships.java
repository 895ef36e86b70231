package fr.espacesante.aws.family;

import fr.espacesante.domain.family.Guardianship;
import fr.espacesante.domain.family.Guardianship.ParentalAgreement;
import fr.espacesante.domain.family.port.out.Guardianships;
import fr.espacesante.domain.space.SpaceNotFoundException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Guardianships in their own table (parent → children, one Query), written in one transaction with
 * the child's space's {@code legalRepresentatives}: the space accepts a parent only when it has none
 * or already has this one, so two parents attaching at the same time cannot both succeed.
 */
public final class DynamoDbGuardianships implements Guardianships {

    private final DynamoDbClient dynamoDb;
    private final String guardianshipsTable;
    private final String spacesTable;

    public DynamoDbGuardianships(DynamoDbClient dynamoDb, String guardianshipsTable, String spacesTable) {
        this.dynamoDb = dynamoDb;
        this.guardianshipsTable = guardianshipsTable;
        this.spacesTable = spacesTable;
    }

    @Override
    public AttachOutcome attach(Guardianship g) {
        if (find(g.parentKey(), g.reference()).isPresent()) {
            return AttachOutcome.ALREADY_ATTACHED;
        }
        TransactWriteItem space = TransactWriteItem.builder().update(u -> u.tableName(spacesTable)
                .key(Map.of("spaceKey", s(g.childKey())))
                .updateExpression("ADD legalRepresentatives :parents, version :one")
                .conditionExpression("attribute_exists(spaceKey) AND (attribute_not_exists(legalRepresentatives) "
                        + "OR contains(legalRepresentatives, :parent))")
                .expressionAttributeValues(Map.of(":parents", AttributeValue.fromSs(List.of(g.parentKey())),
                        ":parent", s(g.parentKey()), ":one", AttributeValue.fromN("1")))).build();
        TransactWriteItem guardianship = TransactWriteItem.builder().put(p -> p.tableName(guardianshipsTable)
                .item(toItem(g)).conditionExpression("attribute_not_exists(parentKey)")).build();
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(space, guardianship));
            return AttachOutcome.ATTACHED;
        } catch (TransactionCanceledException e) {
            // Either a concurrent attachment by this same parent won, or the space belongs to another parent.
            if (find(g.parentKey(), g.reference()).isPresent()) {
                return AttachOutcome.ALREADY_ATTACHED;
            }
            GetItemResponse child = dynamoDb.getItem(r -> r.tableName(spacesTable)
                    .key(Map.of("spaceKey", s(g.childKey()))).consistentRead(true));
            if (!child.hasItem()) {
                throw new SpaceNotFoundException();
            }
            if (child.item().containsKey("legalRepresentatives")
                    && !child.item().get("legalRepresentatives").ss().contains(g.parentKey())) {
                return AttachOutcome.ATTACHED_TO_ANOTHER_PARENT;
            }
            throw new IllegalStateException("Guardianships: attachment refused for no recorded reason", e);
        }
    }

    @Override
    public List<Guardianship> ofParent(String parentKey) {
        // A parent has a handful of children: one page of one partition.
        return dynamoDb.query(r -> r.tableName(guardianshipsTable).keyConditionExpression("parentKey = :p")
                        .expressionAttributeValues(Map.of(":p", s(parentKey))).consistentRead(true))
                .items().stream().map(DynamoDbGuardianships::toGuardianship).toList();
    }

    @Override
    public Optional<Guardianship> find(String parentKey, String reference) {
        GetItemResponse response = dynamoDb.getItem(r -> r.tableName(guardianshipsTable)
                .key(Map.of("parentKey", s(parentKey), "reference", s(reference))).consistentRead(true));
        return response.hasItem() ? Optional.of(toGuardianship(response.item())) : Optional.empty();
    }

    private static Map<String, AttributeValue> toItem(Guardianship g) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("parentKey", s(g.parentKey()));
        item.put("reference", s(g.reference()));
        item.put("childKey", s(g.childKey()));
        item.put("childFirstNames", s(g.childFirstNames()));
        item.put("childBirthDate", s(g.childBirthDate().toString()));
        item.put("agreement", s(g.agreement().name()));
        g.otherParentName().ifPresent(name -> item.put("otherParentName", s(name)));
        item.put("attachedAt", s(g.attachedAt().toString()));
        // Into the handover's index: the child's 18th birthday.
        item.put("majorityShard", s(DynamoDbHandovers.majorityShard(
                g.childBirthDate().plusYears(fr.espacesante.domain.family.Guardianship.AGE_OF_MAJORITY), g.childKey())));
        return item;
    }

    private static Guardianship toGuardianship(Map<String, AttributeValue> item) {
        return new Guardianship(item.get("parentKey").s(), item.get("reference").s(), item.get("childKey").s(),
                item.get("childFirstNames").s(), LocalDate.parse(item.get("childBirthDate").s()),
                ParentalAgreement.valueOf(item.get("agreement").s()),
                Optional.ofNullable(item.get("otherParentName")).map(AttributeValue::s),
                Instant.parse(item.get("attachedAt").s()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
