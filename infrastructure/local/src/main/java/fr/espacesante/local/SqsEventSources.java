package fr.espacesante.local;

import fr.espacesante.local.SamTemplate.FunctionDef;
import fr.espacesante.local.SamTemplate.SqsTrigger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.json.JsonMapper;

/**
 * The template's SQS event source mappings, as Lambda runs them: pollers receive up to the batch
 * size, invoke the function with the SQS event, delete the messages when it returns and leave them
 * when it fails, to be received again once their visibility expires (then redriven to the dead-letter
 * queue by the queue itself after its maximum receives).
 *
 * <p>Locally a failed message becomes visible again after {@link #RETRY_AFTER} instead of the queue's
 * visibility timeout (90 minutes for the import ranges), so a test sees the redeliveries in seconds;
 * the order of events is the same. Each poller has its own execution environment of the function,
 * as Lambda gives each concurrent invocation its own.
 *
 * <p>Faults can be injected (tests): a worker killed at a random moment of its invocation, or a
 * message its function fails on every time.
 */
public final class SqsEventSources implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqsEventSources.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** Two cores here: more pollers than this would only queue on them. */
    public static final int LOCAL_MAX_CONCURRENCY = 2;

    private final SqsClient sqs;
    private final LocalQueues queues;
    private final FunctionHost host;
    private final List<Thread> pollers = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger invoking = new AtomicInteger();
    private final AtomicLong failures = new AtomicLong();
    /** When a poller last received a message (nanoTime). */
    private final AtomicLong lastReceived = new AtomicLong(System.nanoTime());
    private final Map<String, Faults> faults = new ConcurrentHashMap<>();
    private final Set<String> disabled = ConcurrentHashMap.newKeySet();
    /** Per function, the pollers between their check of {@link #disabled} and the end of their delivery. */
    private final Map<String, AtomicInteger> polling = new ConcurrentHashMap<>();
    /** Per queue, the functions its event source mappings deliver to. */
    private final Map<String, Set<String>> consumers = new java.util.HashMap<>();
    private final ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "local-sqs-fault-injector");
        t.setDaemon(true);
        return t;
    });

    SqsEventSources(List<FunctionDef> functions, SqsClient sqs, LocalQueues queues, FunctionHost host) {
        this.sqs = sqs;
        this.queues = queues;
        this.host = host;
        for (FunctionDef function : functions) {
            for (SqsTrigger trigger : function.sqsTriggers()) {
                consumers.computeIfAbsent(trigger.queue(), q -> new java.util.HashSet<>()).add(function.logicalId());
                int concurrency = Math.min(trigger.maximumConcurrency(), LOCAL_MAX_CONCURRENCY);
                for (int slot = 0; slot < concurrency; slot++) {
                    int environment = slot;
                    Thread poller = new Thread(() -> poll(function.logicalId(), trigger, environment),
                            "local-sqs-" + function.logicalId() + "-" + slot);
                    poller.setDaemon(true);
                    pollers.add(poller);
                }
            }
        }
        pollers.forEach(Thread::start);
    }

    /**
     * What to break in a function's invocations: a crash at a random moment within {@code crashWithin}
     * with that probability, on a message's first two receives only (a third failure would send it to
     * the dead-letter queue, which {@code poisoned} is for: its messages fail on every receive).
     */
    public record Faults(double crashProbability, Duration crashWithin, Predicate<String> poisoned, long seed) {
    }

    public void injectFaults(String functionLogicalId, Faults plan) {
        faults.put(functionLogicalId, plan);
    }

    public void clearFaults() {
        faults.clear();
    }

    /**
     * Stops delivering to a function, as disabling its event source mapping does on AWS: messages stay in
     * the queue until {@link #enable}. (A test uses it to show an import still running.)
     */
    public void disable(String functionLogicalId) {
        disabled.add(functionLogicalId);
        // A poller already waiting on a receive may still get messages: wait until none is receiving or invoking.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (polling(functionLogicalId).get() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(functionLogicalId + " still receiving after 30 s");
            }
            sleep(Duration.ofMillis(50));
        }
    }

    private AtomicInteger polling(String functionLogicalId) {
        return polling.computeIfAbsent(functionLogicalId, id -> new AtomicInteger());
    }

    public void enable(String functionLogicalId) {
        disabled.remove(functionLogicalId);
    }

    public long failures() {
        return failures.get();
    }

    private void poll(String functionId, SqsTrigger trigger, int slot) {
        String url = queues.url(trigger.queue());
        String arn = queues.arn(trigger.queue());
        Random random = new Random(slot * 31L + functionId.hashCode());
        AtomicInteger polling = polling(functionId);
        while (running.get()) {
            polling.incrementAndGet();
            boolean enabled = !disabled.contains(functionId);
            try {
                if (enabled) {
                    pollOnce(functionId, slot, trigger, url, arn, random);
                }
            } finally {
                polling.decrementAndGet();
            }
            if (!enabled) {
                sleep(Duration.ofMillis(200));
            }
        }
    }

    /** One receive, and the invocation with what it returned. */
    private void pollOnce(String functionId, int slot, SqsTrigger trigger, String url, String arn, Random random) {
        List<Message> messages;
        long polled = System.nanoTime();
        try {
            messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(Math.min(10, trigger.batchSize()))
                    .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        } catch (RuntimeException e) {
            if (running.get()) {
                LOG.warn("receive from {} failed: {}", trigger.queue(), e.getClass().getSimpleName());
                sleep(RETRY_AFTER);
            }
            return;
        }
        if (messages.isEmpty()) {
            // ElasticMQ may answer an empty receive at once instead of waiting: do not spin.
            if (System.nanoTime() - polled < 200_000_000L) {
                sleep(Duration.ofMillis(200));
            }
            return;
        }
        lastReceived.set(System.nanoTime());
        invoking.incrementAndGet();
        try {
            deliver(functionId, slot, trigger.queue(), url, arn, messages, random);
        } finally {
            invoking.decrementAndGet();
        }
    }

    private void deliver(String functionId, int slot, String queue, String url, String arn, List<Message> messages,
                         Random random) {
        Faults plan = faults.get(functionId);
        String event = JSON.writeValueAsString(Map.of("Records", messages.stream().map(m -> record(m, arn)).toList()));
        boolean ok;
        if (plan != null && plan.poisoned() != null && messages.stream().anyMatch(m -> plan.poisoned().test(m.body()))) {
            ok = false;
        } else {
            // Never the last receive before the dead-letter queue: a crash injected there would lose the range.
            int maxReceives = queues.maxReceiveCount(queue);
            int lastBeforeDeadLetter = maxReceives == 0 ? Integer.MAX_VALUE : maxReceives - 1;
            boolean mayCrash = messages.stream().allMatch(m -> Integer.parseInt(
                    m.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1")) <= lastBeforeDeadLetter);
            var crash = plan != null && mayCrash && random.nextDouble() < plan.crashProbability()
                    ? scheduleCrash(Thread.currentThread(), plan.crashWithin(), random) : null;
            try {
                host.invokeIn(functionId, slot, event);
                ok = true;
            } catch (RuntimeException | Error e) {
                // Whatever the function throws fails this delivery only: the poller goes on, as Lambda's does.
                ok = false;
                Throwable cause = e;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                // Class names only: an exception's message may quote a registry line.
                LOG.info("{} failed on {} message(s): {} ({})", functionId, messages.size(), e.getClass().getSimpleName(),
                        cause.getClass().getName());
            } finally {
                if (crash != null) {
                    crash.cancel(false);
                }
                Thread.interrupted();
            }
        }
        for (Message message : messages) {
            try {
                if (ok) {
                    sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
                } else {
                    failures.incrementAndGet();
                    sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(message.receiptHandle())
                            .visibilityTimeout((int) RETRY_AFTER.toSeconds()));
                }
            } catch (RuntimeException e) {
                LOG.warn("could not settle a message of {}: {}", functionId, e.getClass().getSimpleName());
            }
        }
    }

    /** Interrupts the invocation at a random moment: the worker dies mid-range, whatever it was doing. */
    private java.util.concurrent.ScheduledFuture<?> scheduleCrash(Thread invocation, Duration within, Random random) {
        long delay = (long) (random.nextDouble() * within.toMillis());
        return killer.schedule(invocation::interrupt, delay, TimeUnit.MILLISECONDS);
    }

    private static Map<String, Object> record(Message message, String arn) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("messageId", message.messageId());
        record.put("receiptHandle", message.receiptHandle());
        record.put("body", message.body());
        record.put("attributes", attributes);
        record.put("messageAttributes", Map.of());
        record.put("md5OfBody", message.md5OfBody());
        record.put("eventSource", "aws:sqs");
        record.put("eventSourceARN", arn);
        record.put("awsRegion", SamTemplate.REGION);
        return record;
    }

    /**
     * Waits until no invocation runs and the queues hold nothing, but those whose mappings are disabled
     * (tests, demo loading). A queue may
     * go on reporting a visible message that no receive returns (ElasticMQ, after moving a message to
     * its dead-letter queue): a visible count that no poller has received from for 3 seconds, while
     * pollers ask every second, is taken for such a ghost.
     */
    public void awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long waitingSince = -1;
        int quiet = 0;
        while (quiet < 2) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("queues still busy after " + timeout);
            }
            QueueState state = invoking.get() > 0 ? QueueState.IN_FLIGHT : queueState();
            long now = System.nanoTime();
            if (state == QueueState.WAITING) {
                waitingSince = waitingSince < 0 || lastReceived.get() > waitingSince ? now : waitingSince;
            } else {
                waitingSince = -1;
            }
            boolean ghost = state == QueueState.WAITING && now - waitingSince > 3_000_000_000L;
            quiet = state == QueueState.EMPTY || ghost ? quiet + 1 : 0;
            if (quiet < 2) {
                sleep(Duration.ofMillis(200));
            }
        }
    }

    private enum QueueState { EMPTY, WAITING, IN_FLIGHT }

    private QueueState queueState() {
        QueueState state = QueueState.EMPTY;
        for (Map.Entry<String, String> queue : queues.urls().entrySet()) {
            Set<String> readers = consumers.getOrDefault(queue.getKey(), Set.of());
            if (!readers.isEmpty() && disabled.containsAll(readers)) {
                continue; // its mappings are disabled: its messages wait on purpose
            }
            String url = queue.getValue();
            Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
            if (!"0".equals(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                    || !"0".equals(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))) {
                return QueueState.IN_FLIGHT;
            }
            if (!"0".equals(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))) {
                state = QueueState.WAITING;
            }
        }
        return state;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running.set(false);
        killer.shutdownNow();
        for (Thread poller : pollers) {
            try {
                poller.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
