package fr.espacesante.aws.campaign;

import static fr.espacesante.aws.campaign.Attributes.key;
import static fr.espacesante.aws.campaign.Attributes.str;

import fr.espacesante.domain.person.PersonStatus;
import fr.espacesante.domain.campaign.port.out.Objections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Objections written on the person: status, reference, out of the wave queue and the sweep's index. */
public final class DynamoDbObjections implements Objections {

    private static final int ATTEMPTS = 3;

    private final DynamoDbClient dynamoDb;
    private final String personsTable;
    private final String wavesTable;

    public DynamoDbObjections(DynamoDbClient dynamoDb, String personsTable, String wavesTable) {
        this.dynamoDb = dynamoDb;
        this.personsTable = personsTable;
        this.wavesTable = wavesTable;
    }

    @Override
    public Result object(String personKey, Optional<String> waveId, String reference, String channel, Instant at) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            var item = dynamoDb.getItem(r -> r.tableName(personsTable).key(key("personKey", personKey)).consistentRead(true)).item();
            PersonStatus status = PersonStatus.valueOf(str(item, "status"));
            switch (status) {
                case OBJECTED -> {
                    return new Result(Outcome.ALREADY_OBJECTED, str(item, "objectionRef"));
                }
                case SPACE_CREATED -> {
                    return new Result(Outcome.SPACE_EXISTS, null);
                }
                default -> {
                    // IMPORTED or NOTIFIED: recorded below, unless the person moved meanwhile (then read again).
                }
            }
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(personsTable).key(key("personKey", personKey))
                    .updateExpression("SET #status = :objected, objectionRef = :ref, objectedAt = :at, objectedWith = :channel"
                            + " REMOVE notifyShard, dueShard")
                    .conditionExpression("#status = :current")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(new Attributes.Values().put(":objected", PersonStatus.OBJECTED.name())
                            .put(":ref", reference).put(":at", at.toString()).put(":channel", channel)
                            .put(":current", status.name()).map())).build());
            Optional<String> countedWave = status == PersonStatus.NOTIFIED
                    ? Optional.ofNullable(str(item, "notifiedBy")).or(() -> waveId) : Optional.empty();
            countedWave.ifPresent(wave -> writes.add(TransactWriteItem.builder().update(u -> u.tableName(wavesTable)
                    .key(key("waveId", wave)).updateExpression("ADD objected :one")
                    .expressionAttributeValues(Map.of(":one", Attributes.n(1)))).build()));
            try {
                dynamoDb.transactWriteItems(r -> r.transactItems(writes));
                return new Result(Outcome.RECORDED, reference);
            } catch (TransactionCanceledException movedMeanwhile) {
                // Claimed, notified or objected between our read and our write: read again.
            }
        }
        throw new IllegalStateException("Persons table: objection kept conflicting");
    }
}
