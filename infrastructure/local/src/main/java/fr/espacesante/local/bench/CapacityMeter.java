package fr.espacesante.local.bench;

import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Asks DynamoDB for the capacity every call of this JVM consumes (ReturnConsumedCapacity TOTAL) and
 * adds it up, reads and writes apart: the benchmarks' capacity units per row. A global SDK
 * interceptor (listed in {@code software/amazon/awssdk/global/handlers/execution.interceptors}), so
 * it sees the functions' own clients; it does nothing until a benchmark turns it on.
 */
public final class CapacityMeter implements ExecutionInterceptor {

    private static volatile boolean on;
    private static final DoubleAdder READ = new DoubleAdder();
    private static final DoubleAdder WRITE = new DoubleAdder();

    public static void start() {
        READ.reset();
        WRITE.reset();
        on = true;
    }

    /** Read and write capacity units since {@link #start()}. */
    public static double[] stop() {
        on = false;
        return new double[] {READ.sum(), WRITE.sum()};
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (!on) {
            return context.request();
        }
        return switch (context.request()) {
            case BatchGetItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            case BatchWriteItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            case GetItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            case PutItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            case UpdateItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            default -> context.request();
        };
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (!on) {
            return;
        }
        SdkResponse response = context.response();
        switch (response) {
            case BatchGetItemResponse r -> r.consumedCapacity().forEach(c -> add(READ, c));
            case BatchWriteItemResponse r -> r.consumedCapacity().forEach(c -> add(WRITE, c));
            case GetItemResponse r -> add(READ, r.consumedCapacity());
            case PutItemResponse r -> add(WRITE, r.consumedCapacity());
            case UpdateItemResponse r -> add(WRITE, r.consumedCapacity());
            default -> {
            }
        }
    }

    private static void add(DoubleAdder sum, ConsumedCapacity capacity) {
        if (capacity != null && capacity.capacityUnits() != null) {
            sum.add(capacity.capacityUnits());
        }
    }
}
