package fr.espacesante.local.support;

import fr.espacesante.local.LocalStack;
import java.nio.file.Path;

/** One local stack per test JVM (in memory, ephemeral ports), closed when the JVM exits. */
public final class LocalStackSupport {

    private static LocalStack stack;

    private LocalStackSupport() {
    }

    public static synchronized LocalStack shared() {
        if (stack == null) {
            stack = LocalStack.start(LocalStack.Settings.forTests(projectRoot()));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        }
        return stack;
    }

    public static Path projectRoot() {
        String root = System.getProperty("espace.root");
        Path path = root == null ? Path.of("../..") : Path.of(root);
        return path.toAbsolutePath().normalize();
    }
}
