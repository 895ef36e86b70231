package fr.espacesante.aws.population;

import fr.espacesante.aws.Retries;
import fr.espacesante.domain.population.RegistryFile;
import fr.espacesante.domain.population.RegistryRange;
import fr.espacesante.domain.population.port.out.ImportRanges;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ranges queued on SQS, ten messages a call. A message names the file, its version and the byte
 * range, never a line of it: the queue holds no personal data.
 */
public final class SqsImportRanges implements ImportRanges {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BATCH = 10;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsImportRanges(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(List<RegistryRange> ranges) {
        for (int from = 0; from < ranges.size(); from += MAX_BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (RegistryRange range : ranges.subList(from, Math.min(ranges.size(), from + MAX_BATCH))) {
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id(Integer.toString(range.index())).messageBody(toMessage(range)).build());
            }
            for (int attempt = 1; !entries.isEmpty(); attempt++) {
                List<SendMessageBatchRequestEntry> request = entries;
                var failed = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(request)).failed();
                if (!failed.isEmpty() && attempt == 5) {
                    throw new IllegalStateException("SQS refused " + failed.size() + " range messages: "
                            + failed.getFirst().code());
                }
                List<String> failedIds = failed.stream().map(f -> f.id()).toList();
                entries = request.stream().filter(e -> failedIds.contains(e.id())).toList();
                if (!entries.isEmpty()) {
                    Retries.backOff(attempt);
                }
            }
        }
    }

    public static String toMessage(RegistryRange range) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("import", range.importId());
        body.put("depot", range.file().container());
        body.put("fichier", range.file().name());
        body.put("version", range.version());
        body.put("plage", range.index());
        body.put("plages", range.total());
        body.put("premierOctet", range.firstByte());
        body.put("finOctet", range.endByte());
        body.put("entete", range.header());
        return JSON.writeValueAsString(body);
    }

    /** A message that is not a range: not JSON, or a field missing. */
    public static final class NotARangeException extends IllegalArgumentException {
        NotARangeException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /** @throws NotARangeException when the message is not a range */
    public static RegistryRange fromMessage(String message) {
        try {
            JsonNode body = JSON.readTree(message);
            String[] required = {"import", "depot", "fichier", "version", "plage", "plages", "premierOctet", "finOctet", "entete"};
            for (String field : required) {
                if (body == null || !body.hasNonNull(field)) {
                    throw new NotARangeException("range message without " + field, null);
                }
            }
            return new RegistryRange(body.get("import").asString(), new RegistryFile(body.get("depot").asString(),
                    body.get("fichier").asString()), body.get("version").asString(), body.get("plage").asInt(),
                    body.get("plages").asInt(), body.get("premierOctet").asLong(), body.get("finOctet").asLong(),
                    body.get("entete").asString());
        } catch (tools.jackson.core.JacksonException e) {
            throw new NotARangeException("not a range's JSON", e);
        }
    }
}
