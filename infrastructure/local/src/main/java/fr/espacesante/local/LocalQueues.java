package fr.espacesante.local;

import fr.espacesante.local.SamTemplate.QueueDef;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * ElasticMQ, an SQS-compatible server, embedded on loopback, with the template's queues: their
 * visibility timeouts and redrive policies (a message received {@code maxReceiveCount} times moves to
 * the dead-letter queue, as SQS does).
 */
final class LocalQueues implements AutoCloseable {

    private final SQSRestServer server;
    private final int port;
    private final Map<String, String> urls = new LinkedHashMap<>();
    private final Map<String, String> arns = new LinkedHashMap<>();
    private final Map<String, Integer> maxReceiveCounts = new LinkedHashMap<>();

    private LocalQueues(int port) {
        this.port = port;
        this.server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port)
                .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
                .withAWSRegion(SamTemplate.REGION).withAWSAccountId(SamTemplate.ACCOUNT_ID)
                .start();
        server.waitUntilStarted();
    }

    static LocalQueues start() {
        return new LocalQueues(LocalStack.freePort());
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Creates the queues, dead-letter queues first. */
    void create(List<QueueDef> queues, SqsClient sqs) {
        for (QueueDef queue : queues) {
            Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
            attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(queue.visibilityTimeout()));
            if (queue.deadLetterQueue() != null) {
                attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\""
                        + arns.get(queue.deadLetterQueue()) + "\",\"maxReceiveCount\":\"" + queue.maxReceiveCount() + "\"}");
            }
            String url = sqs.createQueue(b -> b.queueName(queue.name()).attributes(attributes)).queueUrl();
            urls.put(queue.name(), url);
            maxReceiveCounts.put(queue.name(), queue.maxReceiveCount());
            arns.put(queue.name(), sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN));
        }
    }

    String url(String queueName) {
        String url = urls.get(queueName);
        if (url == null) {
            throw new IllegalArgumentException("no queue " + queueName + " in template.yaml");
        }
        return url;
    }

    String arn(String queueName) {
        url(queueName); // refuses a queue the template does not declare
        return arns.get(queueName);
    }

    /** How many receives move a message to the queue's dead-letter queue; 0 without one. */
    int maxReceiveCount(String queueName) {
        url(queueName);
        return maxReceiveCounts.get(queueName);
    }

    /** Queue names to URLs, in the template's order (dead-letter queues first). */
    Map<String, String> urls() {
        return Collections.unmodifiableMap(urls);
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
