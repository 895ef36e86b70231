package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.espacesante.aws.AwsClients;
import fr.espacesante.aws.access.DynamoDbAccessHistory;
import fr.espacesante.domain.access.AccessEntry;
import fr.espacesante.domain.access.port.out.AccessHistory;
import fr.espacesante.domain.access.port.out.AccessHistory.Filter;
import fr.espacesante.local.support.LocalStackSupport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import fr.espacesante.domain.error.InvalidCursorException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The access history on DynamoDB Local: newest first, paginated, filtered by professional and by rule, never overwritten. */
class AccessHistoryIT {

    private final LocalStack stack = LocalStackSupport.shared();
    private final String tableName = stack.physicalName("AccessHistoryTable");
    private final AccessHistory history = new DynamoDbAccessHistory(stack.dynamoDb(), AwsClients.enhanced(stack.dynamoDb()),
            tableName, stack.physicalName("SpacesTable"));
    private final String space = "space-" + UUID.randomUUID();

    @Test
    void entries_come_back_newest_first_page_by_page_and_filtered() {
        Instant start = Instant.parse("2026-11-22T08:00:00Z");
        for (int i = 0; i < 25; i++) {
            String rpps = i % 2 == 0 ? "10000000001" : "10000000002";
            String rule = i % 5 == 0 ? "bris-de-glace" : "consentement";
            history.append(new AccessEntry(space, start.plusSeconds(i), "PROFESSIONNEL", rpps, "Dr " + rpps, "medecin",
                    "DOCUMENT", "doc-" + i, "READ", rule, true,
                    rule.equals("bris-de-glace") ? Optional.of("Patient inconscient") : Optional.empty()));
        }
        history.append(new AccessEntry(space, start.plusSeconds(30), "PATIENT", "owner", null, null,
                "ACCESS_HISTORY", "historique", "READ", "titulaire", true, Optional.empty()));

        List<AccessEntry> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            var page = history.list(space, Filter.none(), 10, cursor);
            all.addAll(page.entries());
            cursor = page.next();
            pages++;
        } while (cursor.isPresent() && pages < 10);
        assertThat(all).hasSize(26);
        assertThat(all.getFirst().ruleId()).isEqualTo("titulaire");
        assertThat(all.stream().map(AccessEntry::at).toList()).isSortedAccordingTo((a, b) -> b.compareTo(a));

        var byProfessional = history.list(space, new Filter(Optional.of("10000000002"), Optional.empty()), 100, Optional.empty());
        assertThat(byProfessional.entries()).hasSize(12).allMatch(e -> e.actorId().equals("10000000002"));

        var emergencies = history.list(space, new Filter(Optional.empty(), Optional.of("bris-de-glace")), 100, Optional.empty());
        assertThat(emergencies.entries()).hasSize(5)
                .allMatch(e -> e.justification().orElse("").equals("Patient inconscient"));
    }

    @Test
    void an_entry_cannot_be_replaced_and_a_foreign_cursor_is_refused() {
        history.append(new AccessEntry(space, Instant.parse("2026-11-22T08:00:00Z"), "PATIENT", "owner", null, null,
                "PROFILE", "profil", "READ", "titulaire", true, Optional.empty()));
        var stored = stack.dynamoDb().query(q -> q.tableName(tableName).keyConditionExpression("spaceKey = :s")
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(space)))).items().getFirst();

        assertThatThrownBy(() -> stack.dynamoDb().putItem(p -> p.tableName(tableName)
                .item(Map.of("spaceKey", stored.get("spaceKey"), "entryKey", stored.get("entryKey"),
                        "ruleId", AttributeValue.fromS("falsifie")))
                .conditionExpression("attribute_not_exists(entryKey)")))
                .isInstanceOf(ConditionalCheckFailedException.class);

        String otherSpacesCursor = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("spaceKey=someone-else\nentryKey=x\n".getBytes());
        assertThatThrownBy(() -> history.list(space, Filter.none(), 10, Optional.of(otherSpacesCursor)))
                .isInstanceOfSatisfying(InvalidCursorException.class, e -> assertThat(e.code()).isEqualTo("CURSEUR_INVALIDE"));
    }

    @Test
    void a_decision_taken_on_a_space_version_is_recorded_only_while_the_space_is_at_that_version() {
        var spaces = new fr.espacesante.aws.space.DynamoDbSpaces(stack.dynamoDb(), AwsClients.enhanced(stack.dynamoDb()),
                stack.physicalName("SpacesTable"));
        spaces.createIfAbsent(fr.espacesante.domain.space.Space.created(space, Instant.parse("2026-11-22T08:00:00Z"),
                fr.espacesante.domain.space.Space.Creation.SWEEP, Optional.empty()));
        AccessEntry read = new AccessEntry(space, Instant.parse("2026-11-22T09:00:00Z"), "PROFESSIONNEL", "10000000003",
                "Dr X", "medecin", "SPACE", "liste-documents", "READ", "consentement", true, Optional.empty());

        assertThat(spaces.find(space).orElseThrow().version()).isZero();
        assertThat(history.appendIfSpaceAt(read, 0)).isTrue();
        spaces.block(space, "10000000003");
        spaces.addConsent(space, "10000000004", "Dr Y");
        assertThat(spaces.find(space).orElseThrow().version()).as("every change counts").isEqualTo(2);
        assertThat(history.appendIfSpaceAt(read, 0)).as("decided before the block: not recorded").isFalse();
        assertThat(history.appendIfSpaceAt(read, 1)).isFalse();
        assertThat(history.list(space, Filter.none(), 10, Optional.empty()).entries()).hasSize(1);
        assertThat(history.appendIfSpaceAt(read, 2)).isTrue();
        assertThat(history.appendIfSpaceAt(new AccessEntry("no-such-space", read.at(), "PROFESSIONNEL", "10000000003", "Dr X",
                "medecin", "SPACE", "liste-documents", "READ", "consentement", true, Optional.empty()), 0))
                .as("a space that does not exist is at no version").isFalse();
    }
}
