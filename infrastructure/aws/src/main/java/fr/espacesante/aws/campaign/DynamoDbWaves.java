package fr.espacesante.aws.campaign;

import static fr.espacesante.aws.campaign.Attributes.key;
import static fr.espacesante.aws.campaign.Attributes.n;
import static fr.espacesante.aws.campaign.Attributes.num;
import static fr.espacesante.aws.campaign.Attributes.opt;
import static fr.espacesante.aws.campaign.Attributes.s;
import static fr.espacesante.aws.campaign.Attributes.str;

import fr.espacesante.domain.campaign.Wave;
import fr.espacesante.domain.campaign.WaveProgress;
import fr.espacesante.domain.campaign.WaveStatus;
import fr.espacesante.domain.campaign.port.out.Waves;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Waves in DynamoDB, one item each. Its counters are moved by the ledger, sweep and objection
 * adapters inside their own transactions, so a count is never moved without its step.
 */
public final class DynamoDbWaves implements Waves {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbWaves(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void create(Wave wave) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("waveId", s(wave.waveId()));
        item.put("departments", AttributeValue.fromL(wave.departments().stream().map(Attributes::s).toList()));
        item.put("allNotYetNotified", AttributeValue.fromBool(wave.allNotYetNotified()));
        item.put("startDate", s(wave.startDate().toString()));
        wave.endDate().ifPresent(end -> item.put("endDate", s(end.toString())));
        item.put("perDay", n(wave.perDay()));
        item.put("perMinute", n(wave.perMinute()));
        item.put("status", s(wave.status().name()));
        item.put("createdAt", s(wave.createdAt().toString()));
        item.put("createdBy", s(wave.createdBy()));
        item.put("targeted", n(wave.progress().targeted()));
        for (String counter : List.of("sentByEmail", "sentByLetter", "failed", "objected", "spacesCreated", "sentThatDay")) {
            item.put(counter, n(0));
        }
        item.put("sentOn", s(wave.startDate().minusDays(1).toString()));
        dynamoDb.putItem(r -> r.tableName(tableName).item(item).conditionExpression("attribute_not_exists(waveId)"));
    }

    @Override
    public Optional<Wave> find(String waveId) {
        var response = dynamoDb.getItem(r -> r.tableName(tableName).key(key("waveId", waveId)).consistentRead(true));
        return response.hasItem() ? Optional.of(toWave(response.item())) : Optional.empty();
    }

    /** A campaign has tens of waves: one scan of a tiny table, newest first. */
    @Override
    public List<Wave> all() {
        List<Wave> waves = new ArrayList<>();
        dynamoDb.scanPaginator(ScanRequest.builder().tableName(tableName).consistentRead(true).build())
                .items().forEach(item -> waves.add(toWave(item)));
        waves.sort(Comparator.comparing(Wave::createdAt).reversed());
        return waves;
    }

    @Override
    public boolean changeStatus(String waveId, Set<WaveStatus> from, WaveStatus to) {
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> allowed = new ArrayList<>();
        int i = 0;
        for (WaveStatus status : from) {
            values.put(":from" + i, s(status.name()));
            allowed.add(":from" + i++);
        }
        values.put(":to", s(to.name()));
        try {
            dynamoDb.updateItem(r -> r.tableName(tableName).key(key("waveId", waveId))
                    .updateExpression("SET #status = :to")
                    .conditionExpression("#status IN (" + String.join(", ", allowed) + ")")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void countSent(String waveId, LocalDate day, long sent) {
        try {
            dynamoDb.updateItem(r -> r.tableName(tableName).key(key("waveId", waveId))
                    .updateExpression("ADD sentThatDay :n")
                    .conditionExpression("sentOn = :day")
                    .expressionAttributeValues(Map.of(":n", n(sent), ":day", s(day.toString()))));
        } catch (ConditionalCheckFailedException newDay) {
            dynamoDb.updateItem(r -> r.tableName(tableName).key(key("waveId", waveId))
                    .updateExpression("SET sentOn = :day, sentThatDay = :n")
                    .expressionAttributeValues(Map.of(":n", n(sent), ":day", s(day.toString()))));
        }
    }

    private static Wave toWave(Map<String, AttributeValue> item) {
        List<String> departments = item.get("departments").l().stream().map(AttributeValue::s).toList();
        return new Wave(str(item, "waveId"), departments, Boolean.TRUE.equals(item.get("allNotYetNotified").bool()),
                LocalDate.parse(str(item, "startDate")), opt(item, "endDate").map(LocalDate::parse),
                (int) num(item, "perDay"), (int) num(item, "perMinute"), WaveStatus.valueOf(str(item, "status")),
                Instant.parse(str(item, "createdAt")), str(item, "createdBy"),
                new WaveProgress(num(item, "targeted"), num(item, "sentByEmail"), num(item, "sentByLetter"),
                        num(item, "failed"), num(item, "objected"), num(item, "spacesCreated")),
                LocalDate.parse(str(item, "sentOn")), num(item, "sentThatDay"));
    }
}
