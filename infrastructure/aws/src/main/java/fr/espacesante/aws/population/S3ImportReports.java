package fr.espacesante.aws.population;

import fr.espacesante.domain.population.ImportSummary;
import fr.espacesante.domain.population.RegistryFile;
import fr.espacesante.domain.population.port.out.ImportReports;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes {@code <file>.rapport.json} next to the imported file. Rejections are spooled to a local
 * temporary file while the import runs, so a file full of bad lines costs disk, not heap.
 */
public final class S3ImportReports implements ImportReports {

    public static final String SUFFIX = ".rapport.json";
    private static final JsonFactory JSON = new JsonFactory();

    private final S3Client s3;

    public S3ImportReports(S3Client s3) {
        this.s3 = s3;
    }

    public static String reportKey(String fileKey) {
        return fileKey + SUFFIX;
    }

    @Override
    public Writer start(RegistryFile file, String importId) {
        return new SpooledReport(file, importId);
    }

    private final class SpooledReport implements Writer {
        private final RegistryFile file;
        private final String importId;
        private final Path spool;
        private final BufferedWriter rejections;

        SpooledReport(RegistryFile file, String importId) {
            this.file = file;
            this.importId = importId;
            try {
                this.spool = Files.createTempFile("rejets-", ".tsv");
                this.rejections = Files.newBufferedWriter(spool, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public synchronized void rejected(long line, String reason) {
            try {
                rejections.write(line + "\t" + reason.replace('\n', ' ') + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public synchronized String finish(ImportSummary summary) {
            Path report = null;
            try {
                rejections.flush();
                report = Files.createTempFile("rapport-", ".json");
                try (OutputStream out = Files.newOutputStream(report);
                     JsonGenerator json = JSON.createGenerator(out);
                     BufferedReader spooled = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
                    json.writeStartObject();
                    json.writeStringProperty("fichier", file.name());
                    json.writeStringProperty("import", importId);
                    json.writeNumberProperty("lignesLues", summary.read());
                    json.writeNumberProperty("personnesCreees", summary.created());
                    json.writeNumberProperty("coordonneesMisesAJour", summary.updated());
                    json.writeNumberProperty("inchangees", summary.unchanged());
                    json.writeNumberProperty("rejetees", summary.rejected());
                    json.writeBooleanProperty("complet", summary.complete());
                    if (summary.fileError().isPresent()) {
                        json.writeStringProperty("erreurFichier", summary.fileError().get());
                    } else {
                        json.writeNullProperty("erreurFichier");
                    }
                    json.writeArrayPropertyStart("rejets");
                    for (String line = spooled.readLine(); line != null; line = spooled.readLine()) {
                        int tab = line.indexOf('\t');
                        json.writeStartObject();
                        json.writeNumberProperty("ligne", Long.parseLong(line.substring(0, tab)));
                        json.writeStringProperty("motif", line.substring(tab + 1));
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
                String key = reportKey(file.name());
                s3.putObject(b -> b.bucket(file.container()).key(key).contentType("application/json; charset=utf-8"),
                        RequestBody.fromFile(report));
                return key;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                deleteQuietly(report);
            }
        }

        @Override
        public synchronized void close() {
            try {
                rejections.close();
            } catch (IOException ignored) {
                // The spool is deleted below either way.
            }
            deleteQuietly(spool);
        }

        private static void deleteQuietly(Path path) {
            if (path != null) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // A temp file left in /tmp is reclaimed with the execution environment.
                }
            }
        }
    }
}
