package fr.espacesante.local;

import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.core.sync.RequestBody;

/** Drops the demo registry file into the import bucket, which the import function then imports. */
final class DemoData {

    static final String DEMO_FILE = "events/population-import/population-demo.csv";

    private DemoData() {
    }

    static void load(LocalStack stack, Path root) {
        Path file = root.resolve(DEMO_FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        String bucket = stack.physicalName("ImportBucket");
        stack.s3().putObject(b -> b.bucket(bucket).key("demo/population-demo.csv").contentType("text/csv; charset=utf-8"),
                RequestBody.fromFile(file));
        stack.awaitS3Events();
    }
}
