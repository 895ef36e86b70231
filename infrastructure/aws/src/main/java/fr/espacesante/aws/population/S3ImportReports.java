package fr.espacesante.aws.population;

import fr.espacesante.domain.population.ImportRun;
import fr.espacesante.domain.population.ImportSummary;
import fr.espacesante.domain.population.RegistryFile;
import fr.espacesante.domain.population.RegistryRange;
import fr.espacesante.domain.population.port.out.ImportReports;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes {@code <file>.rapport.json} next to the imported file. Rejections are spooled to a local
 * temporary file while the import runs, so a file full of bad lines costs disk, not heap.
 */
public final class S3ImportReports implements ImportReports {

    public static final String SUFFIX = ".rapport.json";
    /** A range's rejections, until the run's report is merged; the template lets workers write only these. */
    public static final String PART_SUFFIX = ".rejets.tsv";
    private static final JsonFactory JSON = new JsonFactory();
    /** The report's user metadata naming the import that wrote it. */
    private static final String IMPORT_METADATA = "import";

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

    static String partKey(RegistryFile file, String importId, int index) {
        return file.name() + "." + importId + "." + String.format("%05d", index) + PART_SUFFIX;
    }

    @Override
    public Writer startRange(RegistryRange range) {
        return new SpooledPart(range);
    }

    @Override
    public String merge(ImportRun run, ImportSummary summary, List<RangeLines> ranges) {
        String key = reportKey(run.file().name());
        // The worker that wrote it may have died before the run recorded it: its redelivery does not write it again.
        if (writtenFor(run, key)) {
            return key;
        }
        Path report = null;
        try {
            report = Files.createTempFile("rapport-", ".json");
            try (OutputStream out = Files.newOutputStream(report); JsonGenerator json = JSON.createGenerator(out)) {
                writeSummary(json, run.file(), run.importId(), summary);
                json.writeNumberProperty("plages", ranges.size());
                json.writeArrayPropertyStart("plagesAbandonnees");
                for (RangeLines range : ranges) {
                    if (range.abandoned()) {
                        json.writeStartObject();
                        json.writeNumberProperty("plage", range.index());
                        json.writeNumberProperty("premiereLigne", range.lineOffset() + 2);
                        json.writeNumberProperty("derniereLigne", range.lineOffset() + range.lineFeeds() + 1);
                        json.writeEndObject();
                    }
                }
                json.writeEndArray();
                json.writeArrayPropertyStart("rejets");
                for (RangeLines range : ranges) {
                    if (!range.abandoned()) {
                        copyPart(json, run.file().container(), partKey(run.file(), run.importId(), range.index()),
                                range.lineOffset());
                    }
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            s3.putObject(b -> b.bucket(run.file().container()).key(key).contentType("application/json; charset=utf-8")
                    .metadata(Map.of(IMPORT_METADATA, run.importId())), RequestBody.fromFile(report));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            SpooledReport.deleteQuietly(report);
        }
    }

    /** Whether the file's report in the bucket is this run's (an earlier import of the file left its own). */
    private boolean writtenFor(ImportRun run, String key) {
        try {
            return run.importId().equals(s3.headObject(b -> b.bucket(run.file().container()).key(key))
                    .metadata().get(IMPORT_METADATA));
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** A part's lines, in its order (the order its rejections were found), shifted to the file's numbering. */
    private void copyPart(JsonGenerator json, String bucket, String key, long lineOffset) throws IOException {
        try (BufferedReader part = new BufferedReader(new java.io.InputStreamReader(
                s3.getObject(b -> b.bucket(bucket).key(key)), StandardCharsets.UTF_8))) {
            for (String line = part.readLine(); line != null; line = part.readLine()) {
                writeRejection(json, line, lineOffset);
            }
        }
    }

    private static void writeRejection(JsonGenerator json, String spooled, long lineOffset) {
        int tab = spooled.indexOf('\t');
        json.writeStartObject();
        json.writeNumberProperty("ligne", Long.parseLong(spooled.substring(0, tab)) + lineOffset);
        json.writeStringProperty("motif", spooled.substring(tab + 1));
        json.writeEndObject();
    }

    private static void writeSummary(JsonGenerator json, RegistryFile file, String importId, ImportSummary summary) {
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
    }

    /** Rejections spooled to a temporary file (line, tab, reason), deleted on close. */
    private abstract static class Spool implements Writer {
        final Path spool;
        final BufferedWriter rejections;

        Spool() {
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
        public synchronized void close() {
            try {
                rejections.close();
            } catch (IOException ignored) {
                // The spool is deleted below either way.
            }
            SpooledReport.deleteQuietly(spool);
        }
    }

    /** A range's rejections, written whole to S3 as the range's part. */
    private final class SpooledPart extends Spool {
        private final RegistryRange range;

        SpooledPart(RegistryRange range) {
            this.range = range;
        }

        @Override
        public synchronized String finish(ImportSummary summary) {
            try {
                rejections.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String key = partKey(range.file(), range.importId(), range.index());
            s3.putObject(b -> b.bucket(range.file().container()).key(key).contentType("text/tab-separated-values"),
                    RequestBody.fromFile(spool));
            return key;
        }
    }

    /** A whole file's report (the single-invocation path). */
    private final class SpooledReport extends Spool {
        private final RegistryFile file;
        private final String importId;

        SpooledReport(RegistryFile file, String importId) {
            this.file = file;
            this.importId = importId;
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
                    writeSummary(json, file, importId, summary);
                    json.writeArrayPropertyStart("rejets");
                    for (String line = spooled.readLine(); line != null; line = spooled.readLine()) {
                        writeRejection(json, line, 0);
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

        static void deleteQuietly(Path path) {
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
