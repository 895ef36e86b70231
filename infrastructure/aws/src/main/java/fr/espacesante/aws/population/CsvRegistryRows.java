package fr.espacesante.aws.population;

import fr.espacesante.domain.population.RegistryColumns;
import fr.espacesante.domain.population.RegistryRow;
import fr.espacesante.domain.population.UnreadableFileException;
import fr.espacesante.domain.population.port.out.RegistryFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The registry CSV read record by record from a stream (commons-csv), checked against the format. */
public final class CsvRegistryRows implements RegistryFiles.Rows {

    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setDelimiter(';')
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .setAllowMissingColumnNames(false)
            .get();

    private final InputStream input;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private long lastLine = 1;

    public CsvRegistryRows(InputStream input) {
        this.input = input;
        try {
            // Malformed UTF-8 becomes U+FFFD, which the validator rejects line by line.
            this.parser = CSVParser.builder()
                    .setReader(new InputStreamReader(input, StandardCharsets.UTF_8))
                    .setFormat(FORMAT)
                    .get();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            closeQuietly();
            throw new UnreadableFileException("en-tête illisible (colonnes en double ou vides ?)", e);
        }
        this.header = parser.getHeaderNames().stream().map(CsvRegistryRows::columnName).toList();
        checkHeader(header);
        this.records = parser.iterator();
    }

    private static String columnName(String raw) {
        return raw.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }

    /** The header line of a registry file, checked as a file's first line is. */
    public static void checkHeader(String headerLine) {
        new CsvRegistryRows(new java.io.ByteArrayInputStream((headerLine + "\n").getBytes(StandardCharsets.UTF_8))).close();
    }

    private void checkHeader(List<String> names) {
        String problem = headerProblem(names);
        if (problem != null) {
            closeQuietly();
            throw new UnreadableFileException(problem, null);
        }
    }

    private static String headerProblem(List<String> names) {
        Set<String> missing = new LinkedHashSet<>(RegistryColumns.ALL);
        missing.removeAll(names);
        Set<String> unknown = new LinkedHashSet<>(names);
        unknown.removeAll(RegistryColumns.ALL);
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            List<String> problems = new ArrayList<>();
            if (!missing.isEmpty()) {
                problems.add("colonnes manquantes : " + String.join(", ", missing));
            }
            if (!unknown.isEmpty()) {
                problems.add("colonnes inconnues : " + String.join(", ", unknown));
            }
            return "en-tête invalide (" + String.join(" ; ", problems)
                    + ") ; attendu : " + String.join(";", RegistryColumns.ALL);
        }
        return null;
    }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw unreadable(e);
        }
    }

    @Override
    public RegistryRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CSVRecord record;
        try {
            record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw unreadable(e);
        }
        Map<String, String> fields = new HashMap<>(header.size() * 2);
        for (int i = 0; i < Math.min(record.size(), header.size()); i++) {
            fields.put(header.get(i), record.get(i));
        }
        // The header is line 1; a record spanning quoted line breaks reports its last line.
        lastLine = parser.getCurrentLineNumber();
        return new RegistryRow(lastLine, fields, record.size());
    }

    private UnreadableFileException unreadable(RuntimeException e) {
        // The parser fails where it gave up (an unclosed quote: the end of the file); the lines after the last
        // record read are the ones not read.
        long line = lastLine + 1;
        return new UnreadableFileException("fichier illisible à partir de la ligne " + line
                + " (guillemets mal fermés ?) : lignes suivantes non lues", line, e);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            input.close();
        } catch (IOException ignored) {
            // Nothing more to read from it anyway.
        }
    }
}
