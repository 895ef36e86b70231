package fr.espacesante.aws.space;

import fr.espacesante.domain.access.SpaceAccess;
import fr.espacesante.domain.space.port.out.Spaces;
import fr.espacesante.domain.space.NotificationPreferences;
import fr.espacesante.domain.space.Space;
import fr.espacesante.domain.space.SpaceNotFoundException;
import fr.espacesante.domain.space.SpaceStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Spaces in DynamoDB. Reads are strongly consistent (a patient sees their change at once); each
 * change is one UpdateItem touching only its own attributes (ADD/DELETE on string sets), so
 * concurrent changes compose instead of overwriting each other, and adds one to {@code version},
 * which conditional history appends check.
 */
public final class DynamoDbSpaces implements Spaces {

    private static final TableSchema<SpaceItem> SCHEMA = TableSchema.fromBean(SpaceItem.class);

    private final DynamoDbClient dynamoDb;
    private final DynamoDbTable<SpaceItem> table;
    private final String tableName;

    public DynamoDbSpaces(DynamoDbClient dynamoDb, DynamoDbEnhancedClient enhanced, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.table = enhanced.table(tableName, SCHEMA);
    }

    @Override
    public Optional<Space> find(String spaceKey) {
        return Optional.ofNullable(table.getItem(r -> r.key(Key.builder().partitionValue(spaceKey).build())
                .consistentRead(true))).map(DynamoDbSpaces::toSpace);
    }

    @Override
    public boolean createIfAbsent(Space space) {
        try {
            table.putItem(r -> r.item(toItem(space))
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(spaceKey)").build()));
            return true;
        } catch (ConditionalCheckFailedException alreadyThere) {
            return false;
        }
    }

    @Override
    public void recordActivation(String spaceKey, Instant at, Optional<String> email, NotificationPreferences preferences) {
        Update update = new Update().set("activatedAt = if_not_exists(activatedAt, :at)").value(":at", s(at.toString()));
        contact(update, email, preferences);
        update(spaceKey, update);
    }

    @Override
    public void updateContact(String spaceKey, Optional<String> email, NotificationPreferences preferences) {
        Update update = new Update();
        contact(update, email, preferences);
        update(spaceKey, update);
    }

    private static void contact(Update update, Optional<String> email, NotificationPreferences preferences) {
        update.set("notifyNewDocuments = :docs").set("notifyMessages = :messages").set("notifyAgenda = :agenda")
                .value(":docs", AttributeValue.fromBool(preferences.newDocuments()))
                .value(":messages", AttributeValue.fromBool(preferences.messages()))
                .value(":agenda", AttributeValue.fromBool(preferences.agendaReminders()));
        if (email.isPresent()) {
            update.set("email = :email").value(":email", s(email.get()));
        } else {
            update.remove("email");
        }
    }

    @Override
    public void setTreatingDoctor(String spaceKey, Optional<String> rpps, Optional<String> label) {
        if (rpps.isEmpty()) {
            update(spaceKey, new Update().remove("treatingDoctor"));
            return;
        }
        Update update = new Update().set("treatingDoctor = :rpps").value(":rpps", s(rpps.get()));
        label.ifPresent(l -> update.set("professionals.#rpps = :label").name("#rpps", rpps.get()).value(":label", s(l)));
        update(spaceKey, update);
    }

    @Override
    public void block(String spaceKey, String rpps) {
        update(spaceKey, new Update().add("blocked :rpps").value(":rpps", AttributeValue.fromSs(List.of(rpps))));
    }

    @Override
    public void unblock(String spaceKey, String rpps) {
        update(spaceKey, new Update().delete("blocked :rpps").value(":rpps", AttributeValue.fromSs(List.of(rpps))));
    }

    @Override
    public void addConsent(String spaceKey, String rpps, String label) {
        update(spaceKey, new Update().set("professionals.#rpps = :label").add("consented :set")
                .name("#rpps", rpps)
                .value(":label", s(label))
                .value(":set", AttributeValue.fromSs(List.of(rpps))));
    }

    @Override
    public void revokeConsent(String spaceKey, String rpps) {
        update(spaceKey, new Update().delete("consented :rpps").value(":rpps", AttributeValue.fromSs(List.of(rpps))));
    }

    @Override
    public void setEmergencyAccess(String spaceKey, boolean enabled) {
        update(spaceKey, new Update().set("emergencyAccess = :on").value(":on", AttributeValue.fromBool(enabled)));
    }

    @Override
    public boolean close(String spaceKey, Space.Closure closure) {
        return lifecycle(spaceKey, SpaceStatus.CLOSED, closure, "#status = :open",
                Map.of(":open", s(SpaceStatus.OPEN.name())));
    }

    @Override
    public boolean requestDeletion(String spaceKey, Space.Closure closure) {
        return lifecycle(spaceKey, SpaceStatus.DELETION_REQUESTED, closure, "#status IN (:open, :closed)",
                Map.of(":open", s(SpaceStatus.OPEN.name()), ":closed", s(SpaceStatus.CLOSED.name())));
    }

    /** Moves the space to {@code status} and into the purge index on the closure's day, if {@code condition}. */
    private boolean lifecycle(String spaceKey, SpaceStatus status, Space.Closure closure, String condition,
                              Map<String, AttributeValue> conditionValues) {
        Map<String, AttributeValue> values = new HashMap<>(conditionValues);
        values.put(":status", s(status.name()));
        values.put(":closedAt", s(closure.closedAt().toString()));
        values.put(":purgeOn", s(closure.purgeOn().toString()));
        values.put(":purgeShard", s(purgeShard(closure.purgeOn(), spaceKey)));
        values.put(":one", AttributeValue.fromN("1"));
        return conditionalUpdate(spaceKey, "SET #status = :status, closedAt = :closedAt, purgeOn = :purgeOn, "
                + "purgeShard = :purgeShard ADD version :one", condition, values);
    }

    @Override
    public boolean reopen(String spaceKey) {
        return conditionalUpdate(spaceKey, "SET #status = :open REMOVE closedAt, purgeOn, purgeShard ADD version :one",
                "#status = :closed", Map.of(":open", s(SpaceStatus.OPEN.name()), ":closed", s(SpaceStatus.CLOSED.name()),
                        ":one", AttributeValue.fromN("1")));
    }

    private boolean conditionalUpdate(String spaceKey, String expression, String condition,
                                      Map<String, AttributeValue> values) {
        try {
            dynamoDb.updateItem(r -> r.tableName(tableName).key(Map.of("spaceKey", s(spaceKey)))
                    .updateExpression(expression)
                    .conditionExpression("attribute_exists(spaceKey) AND " + condition)
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException notInThatState) {
            return false;
        }
    }

    /** The purge index's partition: the purge day and the space's shard, like the sweep's. */
    public static String purgeShard(java.time.LocalDate purgeOn, String spaceKey) {
        return purgeOn + "#" + fr.espacesante.domain.campaign.Departments.shardOf(spaceKey);
    }

    /** An update expression built clause by clause: SET a = :a, b = :b ADD version :one, ... DELETE ... REMOVE ... */
    private static final class Update {
        private final List<String> set = new ArrayList<>();
        private final List<String> add = new ArrayList<>(List.of("version :one"));
        private final List<String> delete = new ArrayList<>();
        private final List<String> remove = new ArrayList<>();
        private final Map<String, AttributeValue> values = new HashMap<>(Map.of(":one", AttributeValue.fromN("1")));
        private final Map<String, String> names = new HashMap<>();

        Update set(String assignment) {
            set.add(assignment);
            return this;
        }

        /** Adds to a string set. */
        Update add(String clause) {
            add.add(clause);
            return this;
        }

        /** Removes from a string set. */
        Update delete(String clause) {
            delete.add(clause);
            return this;
        }

        Update remove(String attribute) {
            remove.add(attribute);
            return this;
        }

        Update value(String name, AttributeValue value) {
            values.put(name, value);
            return this;
        }

        Update name(String placeholder, String name) {
            names.put(placeholder, name);
            return this;
        }

        String expression() {
            return ((set.isEmpty() ? "" : "SET " + String.join(", ", set)) + " ADD " + String.join(", ", add)
                    + (delete.isEmpty() ? "" : " DELETE " + String.join(", ", delete))
                    + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove))).strip();
        }
    }

    private void update(String spaceKey, Update update) {
        UpdateItemRequest.Builder request = UpdateItemRequest.builder()
                .tableName(tableName)
                .key(Map.of("spaceKey", s(spaceKey)))
                .updateExpression(update.expression())
                .conditionExpression("attribute_exists(spaceKey)");
        request.expressionAttributeValues(update.values);
        if (!update.names.isEmpty()) {
            request.expressionAttributeNames(update.names);
        }
        try {
            dynamoDb.updateItem(request.build());
        } catch (ConditionalCheckFailedException e) {
            throw new SpaceNotFoundException();
        }
    }

    /** The raw item of a new space, for adapters that create spaces inside their own transactions. */
    public static Map<String, AttributeValue> toAttributes(Space space) {
        return SCHEMA.itemToMap(toItem(space), true);
    }

    private static SpaceItem toItem(Space space) {
        SpaceItem item = new SpaceItem();
        item.setSpaceKey(space.spaceKey());
        item.setStatus(space.status().name());
        item.setCreatedAt(space.createdAt().toString());
        item.setCreation(space.creation().name());
        item.setActivatedAt(space.activatedAt().map(Instant::toString).orElse(null));
        item.setEmail(space.email().orElse(null));
        item.setNotifyNewDocuments(space.preferences().newDocuments());
        item.setNotifyMessages(space.preferences().messages());
        item.setNotifyAgenda(space.preferences().agendaReminders());
        SpaceAccess access = space.access();
        item.setTreatingDoctor(access.treatingDoctorRpps());
        item.setConsented(emptyToNull(access.consentedRpps()));
        item.setBlocked(emptyToNull(access.blockedRpps()));
        item.setLegalRepresentatives(emptyToNull(access.legalRepresentatives()));
        item.setCaregivers(emptyToNull(access.caregivers()));
        item.setEmergencyAccess(access.emergencyAccessEnabled());
        // An empty map, not absent: consents add to it with SET professionals.#rpps.
        item.setProfessionals(new HashMap<>(space.professionals()));
        item.setVersion(space.version());
        space.closure().ifPresent(closure -> {
            item.setClosedAt(closure.closedAt().toString());
            item.setPurgeOn(closure.purgeOn().toString());
            item.setPurgeShard(purgeShard(closure.purgeOn(), space.spaceKey()));
        });
        return item;
    }

    private static Space toSpace(SpaceItem item) {
        SpaceStatus status = SpaceStatus.valueOf(item.getStatus());
        SpaceAccess access = new SpaceAccess(item.getSpaceKey(), orEmpty(item.getLegalRepresentatives()),
                item.getTreatingDoctor(), orEmpty(item.getConsented()), orEmpty(item.getBlocked()),
                !Boolean.FALSE.equals(item.getEmergencyAccess()), status.closed(), orEmpty(item.getCaregivers()));
        Optional<Space.Closure> closure = item.getClosedAt() == null ? Optional.empty()
                : Optional.of(new Space.Closure(Instant.parse(item.getClosedAt()), java.time.LocalDate.parse(item.getPurgeOn())));
        return new Space(item.getSpaceKey(), status, closure, Instant.parse(item.getCreatedAt()),
                Space.Creation.valueOf(item.getCreation()),
                Optional.ofNullable(item.getActivatedAt()).map(Instant::parse),
                Optional.ofNullable(item.getEmail()),
                new NotificationPreferences(!Boolean.FALSE.equals(item.getNotifyNewDocuments()),
                        !Boolean.FALSE.equals(item.getNotifyMessages()), !Boolean.FALSE.equals(item.getNotifyAgenda())),
                access, item.getProfessionals() == null ? Map.of() : item.getProfessionals(),
                item.getVersion() == null ? 0 : item.getVersion());
    }

    /** DynamoDB refuses empty sets. */
    private static Set<String> emptyToNull(Set<String> set) {
        return set.isEmpty() ? null : set;
    }

    private static Set<String> orEmpty(Set<String> set) {
        return set == null ? Set.of() : set;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
