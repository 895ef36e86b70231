package fr.espacesante.local.bench;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * Runs in a fresh JVM, as a Lambda execution environment would: one invocation of the import,
 * either through the real entry point ({@code spring}: FunctionInvoker) or the plain baseline
 * ({@code plain}), then prints the handler time and the peak heap on one line.
 */
public final class FunctionProbe {

    private FunctionProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        long start = System.nanoTime();
        String output;
        if (mode.equals("spring")) {
            // The constructor is Lambda's init phase; handleRequest the invocation.
            FunctionInvoker invoker = new FunctionInvoker();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            invoker.handleRequest(new ByteArrayInputStream(event), out, null);
            output = out.toString();
        } else {
            // What the Lambda Java runtime does for a POJO handler: its own serializer, then the call.
            S3Event s3Event = LambdaEventSerializers.serializerFor(S3Event.class, FunctionProbe.class.getClassLoader())
                    .fromJson(new ByteArrayInputStream(event));
            output = new PlainPopulationImportHandler().handleRequest(s3Event, null);
        }
        long handlerMillis = (System.nanoTime() - start) / 1_000_000;
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        // An API Gateway answer's status, as its own field (the output itself is cut at its first space).
        java.util.regex.Matcher status = java.util.regex.Pattern.compile("\"statusCode\":(\\d+)").matcher(output);
        System.out.println("PROBE output=" + output.replace('\n', ' ') + " handler_ms=" + handlerMillis
                + (status.find() ? " status=" + status.group(1) : "")
                + " peak_heap_mib=" + (peakHeap / (1024 * 1024))
                + " max_heap_mib=" + (Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        System.out.flush();
        System.exit(0);
    }
}
