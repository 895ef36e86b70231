package fr.espacesante.local;

import fr.espacesante.local.SamTemplate.FunctionDef;
import fr.espacesante.local.SamTemplate.S3Trigger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the template's S3 events: when an object is created in a bucket a function subscribes
 * to (event type and key filter matching), that function receives the S3 notification event,
 * asynchronously as S3 delivers it.
 */
final class S3Notifications implements S3LocalServer.ObjectCreated, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(S3Notifications.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<FunctionDef> functions;
    private final FunctionHost host;
    private final ExecutorService deliveries = Executors.newFixedThreadPool(2);
    private final Phaser inFlight = new Phaser(1);
    private final AtomicLong sequencer = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    S3Notifications(List<FunctionDef> functions, FunctionHost host) {
        this.functions = functions;
        this.host = host;
    }

    @Override
    public void created(String eventName, String bucket, String key, long size, String eTag) {
        for (FunctionDef function : functions) {
            for (S3Trigger trigger : function.s3Triggers()) {
                if (trigger.bucket().equals(bucket) && trigger.matches(key) && subscribed(trigger, eventName)) {
                    String event = JSON.writeValueAsString(event(eventName, bucket, key, size, eTag));
                    inFlight.register();
                    deliveries.submit(() -> {
                        try {
                            host.invoke(function.logicalId(), event);
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                            LOG.error("S3 event to {} failed: {}", function.logicalId(), e.getClass().getName());
                        } finally {
                            inFlight.arriveAndDeregister();
                        }
                    });
                }
            }
        }
    }

    private static boolean subscribed(S3Trigger trigger, String eventName) {
        return trigger.events().stream().anyMatch(pattern -> {
            String p = pattern.startsWith("s3:") ? pattern.substring(3) : pattern;
            return p.endsWith("*") ? eventName.startsWith(p.substring(0, p.length() - 1)) : p.equals(eventName);
        });
    }

    /** Waits until every notification sent so far has been handled (tests, demo loading). */
    void awaitIdle() {
        inFlight.arriveAndAwaitAdvance();
    }

    long failures() {
        return failures.get();
    }

    private Map<String, Object> event(String eventName, String bucket, String key, long size, String eTag) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("key", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"));
        object.put("size", Math.max(size, 0));
        object.put("eTag", eTag == null ? "" : eTag.replace("\"", ""));
        object.put("sequencer", String.format("%016X", sequencer.incrementAndGet()));
        Map<String, Object> s3 = new LinkedHashMap<>();
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", "local");
        s3.put("bucket", Map.of("name", bucket, "ownerIdentity", Map.of("principalId", "local"),
                "arn", "arn:aws:s3:::" + bucket));
        s3.put("object", object);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", SamTemplate.REGION);
        record.put("eventTime", Instant.now().toString());
        record.put("eventName", eventName);
        record.put("userIdentity", Map.of("principalId", "local"));
        record.put("requestParameters", Map.of("sourceIPAddress", "127.0.0.1"));
        record.put("responseElements", Map.of("x-amz-request-id", UUID.randomUUID().toString(), "x-amz-id-2", "local"));
        record.put("s3", s3);
        return Map.of("Records", List.of(record));
    }

    @Override
    public void close() {
        deliveries.shutdownNow();
    }
}
