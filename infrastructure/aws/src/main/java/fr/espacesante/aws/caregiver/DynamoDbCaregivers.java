package fr.espacesante.aws.caregiver;

import fr.espacesante.domain.caregiver.Designation;
import fr.espacesante.domain.caregiver.Invitation;
import fr.espacesante.domain.caregiver.port.out.Caregivers;
import fr.espacesante.domain.space.SpaceStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Caregivers in DynamoDB: the Caregivers table holds, in the patient's partition, invitations
 * ({@code invitation#id}, in the sparse ByCode index while pending) and designations
 * ({@code aidant#caregiver key}, in the ByCaregiver index); the patient's space item holds the
 * caregivers' keys (read by the access policy) and their count, the caregiver's own space item how
 * many people they help. Accepting and revoking move all of them in one transaction, whose
 * conditions keep the limits.
 */
public final class DynamoDbCaregivers implements Caregivers {

    public static final String BY_CAREGIVER = "ByCaregiver";
    public static final String BY_CODE = "ByCode";
    /** A spent invitation stays this long for the patient's view, then expires. */
    private static final int KEPT_DAYS_AFTER_VALIDITY = 30;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String spacesTable;
    private final String historyTable;

    /** @param historyTable where an acceptance's or withdrawal's history entry is written with it (null: none written here) */
    public DynamoDbCaregivers(DynamoDbClient dynamoDb, String table, String spacesTable, String historyTable) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.spacesTable = spacesTable;
        this.historyTable = historyTable;
    }

    @Override
    public void invite(Invitation invitation) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("spaceKey", s(invitation.patientKey()));
        item.put("itemKey", s("invitation#" + invitation.invitationId()));
        item.put("invitationId", s(invitation.invitationId()));
        item.put("lastName", s(invitation.lastName()));
        item.put("firstNames", s(invitation.firstNames()));
        item.put("email", s(invitation.email()));
        item.put("codeHash", s(invitation.codeHash()));
        item.put("validUntil", s(invitation.validUntil().toString()));
        item.put("state", s(Invitation.State.PENDING.name()));
        item.put("sentAt", s(invitation.sentAt().toString()));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(invitation.validUntil().plusDays(KEPT_DAYS_AFTER_VALIDITY)
                .atStartOfDay().toEpochSecond(ZoneOffset.UTC))));
        dynamoDb.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(itemKey)"));
    }

    @Override
    public List<Invitation> invitations(String patientKey) {
        return items(patientKey, "invitation#").stream().map(DynamoDbCaregivers::toInvitation).toList();
    }

    @Override
    public Optional<Invitation> invitationByCodeHash(String codeHash) {
        var items = dynamoDb.query(r -> r.tableName(table).indexName(BY_CODE).keyConditionExpression("codeHash = :h")
                .expressionAttributeValues(Map.of(":h", s(codeHash))).limit(1)).items();
        return items.stream().findFirst().map(DynamoDbCaregivers::toInvitation);
    }

    @Override
    public boolean revokeInvitation(String patientKey, String invitationId) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(Map.of("spaceKey", s(patientKey), "itemKey", s("invitation#" + invitationId)))
                    .updateExpression("SET #state = :revoked REMOVE codeHash")
                    .conditionExpression("#state = :pending")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":revoked", s(Invitation.State.REVOKED.name()),
                            ":pending", s(Invitation.State.PENDING.name()))));
            return true;
        } catch (ConditionalCheckFailedException notPending) {
            return false;
        }
    }

    @Override
    public AcceptOutcome accept(Invitation invitation, Designation d, fr.espacesante.domain.access.AccessEntry recorded) {
        TransactWriteItem spent = TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Map.of("spaceKey", s(invitation.patientKey()), "itemKey", s("invitation#" + invitation.invitationId())))
                .updateExpression("SET #state = :accepted REMOVE codeHash")
                .conditionExpression("#state = :pending AND validUntil >= :today")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":accepted", s(Invitation.State.ACCEPTED.name()),
                        ":pending", s(Invitation.State.PENDING.name()),
                        ":today", s(d.since().atZone(java.time.ZoneId.of("Europe/Paris")).toLocalDate().toString()))))
                .build();
        Map<String, AttributeValue> designation = new HashMap<>();
        designation.put("spaceKey", s(d.patientKey()));
        designation.put("itemKey", s("aidant#" + d.caregiverKey()));
        designation.put("caregiverKey", s(d.caregiverKey()));
        designation.put("reference", s(d.reference()));
        designation.put("caregiverName", s(d.caregiverName()));
        designation.put("patientName", s(d.patientName()));
        designation.put("since", s(d.since().toString()));
        TransactWriteItem named = TransactWriteItem.builder().put(p -> p.tableName(table).item(designation)
                .conditionExpression("attribute_not_exists(itemKey)")).build();
        TransactWriteItem patientSpace = TransactWriteItem.builder().update(u -> u.tableName(spacesTable)
                .key(Map.of("spaceKey", s(d.patientKey())))
                .updateExpression("ADD caregivers :caregiver, caregiverCount :one, version :one")
                .conditionExpression("#status = :open AND (attribute_not_exists(caregiverCount) OR caregiverCount < :max)")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":caregiver", AttributeValue.fromSs(List.of(d.caregiverKey())),
                        ":one", n(1), ":open", s(SpaceStatus.OPEN.name()),
                        ":max", n(fr.espacesante.domain.caregiver.CaregiverDesignation.MAX_CAREGIVERS)))).build();
        TransactWriteItem caregiverSpace = TransactWriteItem.builder().update(u -> u.tableName(spacesTable)
                .key(Map.of("spaceKey", s(d.caregiverKey())))
                .updateExpression("ADD helpingCount :one")
                .conditionExpression("attribute_exists(spaceKey) AND (attribute_not_exists(helpingCount) OR helpingCount < :max)")
                .expressionAttributeValues(Map.of(":one", n(1),
                        ":max", n(fr.espacesante.domain.caregiver.CaregiverDesignation.MAX_HELPED)))).build();
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(spent, named, patientSpace, caregiverSpace, history(recorded)));
            return AcceptOutcome.ACCEPTED;
        } catch (TransactionCanceledException refused) {
            List<CancellationReason> reasons = refused.cancellationReasons();
            if (failed(reasons, 1)) {
                return AcceptOutcome.ALREADY_CAREGIVER;
            }
            if (failed(reasons, 0)) {
                return AcceptOutcome.INVITATION_GONE;
            }
            if (failed(reasons, 2)) {
                var space = dynamoDb.getItem(r -> r.tableName(spacesTable).key(Map.of("spaceKey", s(d.patientKey())))
                        .consistentRead(true)).item();
                return space.isEmpty() || !SpaceStatus.OPEN.name().equals(space.get("status").s())
                        ? AcceptOutcome.SPACE_CLOSED : AcceptOutcome.PATIENT_HAS_THREE;
            }
            return AcceptOutcome.CAREGIVER_HELPS_FIVE;
        }
    }

    @Override
    public List<Designation> of(String patientKey) {
        return items(patientKey, "aidant#").stream().map(DynamoDbCaregivers::toDesignation).toList();
    }

    @Override
    public List<Designation> helpedBy(String caregiverKey) {
        return dynamoDb.query(r -> r.tableName(table).indexName(BY_CAREGIVER).keyConditionExpression("caregiverKey = :c")
                        .expressionAttributeValues(Map.of(":c", s(caregiverKey))))
                .items().stream().map(DynamoDbCaregivers::toDesignation).toList();
    }

    @Override
    public Optional<Designation> find(String caregiverKey, String reference) {
        return dynamoDb.query(r -> r.tableName(table).indexName(BY_CAREGIVER)
                        .keyConditionExpression("caregiverKey = :c AND #ref = :r")
                        .expressionAttributeNames(Map.of("#ref", "reference"))
                        .expressionAttributeValues(Map.of(":c", s(caregiverKey), ":r", s(reference))))
                .items().stream().findFirst().map(DynamoDbCaregivers::toDesignation)
                // The index is eventually consistent: a designation just revoked is checked on the table.
                .filter(d -> dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                        .key(Map.of("spaceKey", s(d.patientKey()), "itemKey", s("aidant#" + d.caregiverKey())))).hasItem());
    }

    @Override
    public boolean revoke(Designation d) {
        return revoke(d, null);
    }

    @Override
    public boolean revoke(Designation d, fr.espacesante.domain.access.AccessEntry recorded) {
        List<TransactWriteItem> writes = new ArrayList<>();
        if (recorded != null) {
            writes.add(history(recorded));
        }
        writes.add(TransactWriteItem.builder().delete(x -> x.tableName(table)
                .key(Map.of("spaceKey", s(d.patientKey()), "itemKey", s("aidant#" + d.caregiverKey())))
                .conditionExpression("attribute_exists(itemKey)")).build());
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(spacesTable).key(Map.of("spaceKey", s(d.patientKey())))
                .updateExpression("DELETE caregivers :caregiver ADD caregiverCount :less, version :one")
                .conditionExpression("attribute_exists(spaceKey)")
                .expressionAttributeValues(Map.of(":caregiver", AttributeValue.fromSs(List.of(d.caregiverKey())),
                        ":less", n(-1), ":one", n(1)))).build());
        boolean caregiverHasSpace = dynamoDb.getItem(r -> r.tableName(spacesTable)
                .key(Map.of("spaceKey", s(d.caregiverKey()))).consistentRead(true)).hasItem();
        if (caregiverHasSpace) {
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(spacesTable).key(Map.of("spaceKey", s(d.caregiverKey())))
                    .updateExpression("ADD helpingCount :less")
                    .conditionExpression("attribute_exists(spaceKey)")
                    .expressionAttributeValues(Map.of(":less", n(-1)))).build());
        }
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(writes));
            return true;
        } catch (TransactionCanceledException gone) {
            return false;
        }
    }

    private TransactWriteItem history(fr.espacesante.domain.access.AccessEntry recorded) {
        return TransactWriteItem.builder().put(p -> p.tableName(historyTable)
                .item(fr.espacesante.aws.access.DynamoDbAccessHistory.toAttributes(recorded))
                .conditionExpression("attribute_not_exists(entryKey)")).build();
    }

    private List<Map<String, AttributeValue>> items(String patientKey, String prefix) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest request = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("spaceKey = :k AND begins_with(itemKey, :p)")
                    .expressionAttributeValues(Map.of(":k", s(patientKey), ":p", s(prefix)))
                    .exclusiveStartKey(start).build();
            var page = dynamoDb.query(request);
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return reasons != null && reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static Invitation toInvitation(Map<String, AttributeValue> item) {
        return new Invitation(item.get("spaceKey").s(), item.get("invitationId").s(), item.get("lastName").s(),
                item.get("firstNames").s(), item.get("email").s(),
                item.containsKey("codeHash") ? item.get("codeHash").s() : "",
                LocalDate.parse(item.get("validUntil").s()), Invitation.State.valueOf(item.get("state").s()),
                Instant.parse(item.get("sentAt").s()));
    }

    private static Designation toDesignation(Map<String, AttributeValue> item) {
        return new Designation(item.get("spaceKey").s(), item.get("caregiverKey").s(), item.get("reference").s(),
                item.get("caregiverName").s(), item.get("patientName").s(), Instant.parse(item.get("since").s()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(int value) {
        return AttributeValue.fromN(Integer.toString(value));
    }
}
