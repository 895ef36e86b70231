package fr.espacesante.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The npm SES v2 emulator ({@code aws-ses-v2-local}) as a child process on loopback. Sent mail is
 * readable as JSON at {@code /store} and browsable at {@code /}.
 */
final class SesLocalServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private SesLocalServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static SesLocalServer start(Path nodeDir, int port, Path logFile) {
        Path cli = nodeDir.resolve("node_modules/aws-ses-v2-local/dist/cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("SES emulator missing: run `npm ci` in " + nodeDir
                    + " (the Maven build does it when node_modules is absent)");
        }
        try {
            Process process = new ProcessBuilder("node", nodeDir.resolve("ses-server.js").toString(),
                    "--host", "127.0.0.1", "--port", String.valueOf(port))
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            SesLocalServer server = new SesLocalServer(process, port);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start node (Node.js 18+ is required for the SES emulator)", e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("SES emulator exited with code " + process.exitValue());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(endpoint() + "/health-check")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(50);
        }
        close();
        throw new IllegalStateException("SES emulator not ready after 20 s");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
