package fr.espacesante.domain.population;

import fr.espacesante.domain.population.port.out.ImportHistory;
import fr.espacesante.domain.population.port.out.ImportRanges;
import fr.espacesante.domain.population.port.out.RegistryFileRanges;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Cuts a registry file into line-aligned ranges of about {@code rowsPerRange} lines and queues one
 * message per range. It reads only the file's beginning (the header, and the average line length)
 * and a few bytes at each cut to find the next line end, whatever the file's size.
 */
public final class RegistrySplitter {

    static final int HEAD_BYTES = 64 * 1024;
    private static final int SEEK_BYTES = 8 * 1024;

    private final RegistryFileRanges files;
    private final ImportHistory history;
    private final ImportRanges queue;
    private final RunCompletion completion;
    private final Clock clock;
    private final int rowsPerRange;

    public RegistrySplitter(RegistryFileRanges files, ImportHistory history, ImportRanges queue,
                            RunCompletion completion, Clock clock, int rowsPerRange) {
        this.files = files;
        this.history = history;
        this.queue = queue;
        this.completion = completion;
        this.clock = clock;
        this.rowsPerRange = Math.max(1, rowsPerRange);
    }

    public ImportRun split(RegistryFile file) {
        return split(file, ImportRun.newId(clock.instant()));
    }

    /**
     * Splits the file under that import. Splitting again under the same import (the event delivered
     * again after a splitter crashed half-way) queues the same ranges again, unless they were all
     * queued already; a range queued twice is still counted once.
     */
    public ImportRun split(RegistryFile file, String importId) {
        if (history.isQueued(importId)) {
            return history.find(importId).orElseThrow();
        }
        Instant startedAt = clock.instant();
        List<RegistryRange> ranges = new ArrayList<>();
        Optional<String> fileError = Optional.empty();
        try {
            RegistryFileRanges.Head head = files.head(file, HEAD_BYTES);
            ranges = cut(importId, file, head);
        } catch (UnreadableFileException e) {
            fileError = Optional.of(e.getMessage());
        }
        ImportRun run = new ImportRun(importId, file, startedAt, null,
                ImportSummary.nothingRead(fileError), null,
                new ImportRun.Progress(ranges.size(), Set.of(), Set.of()));
        if (!history.started(run)) {
            run = history.find(importId).orElse(run);
        }
        if (ranges.isEmpty()) {
            // Nothing to hand out (a header alone, or an unreadable file): the report is written now.
            return completion.finishIfLast(run);
        }
        queue.send(ranges);
        history.queued(importId);
        return run;
    }

    private List<RegistryRange> cut(String importId, RegistryFile file, RegistryFileRanges.Head head) {
        byte[] start = head.start();
        int headerEnd = indexOfLineFeed(start, 0) + 1;
        if (headerEnd == 0) {
            if (head.size() > start.length) {
                throw new UnreadableFileException("en-tête illisible : pas de fin de ligne dans les "
                        + HEAD_BYTES / 1024 + " premiers Kio", null);
            }
            headerEnd = start.length;
        }
        String header = new String(start, 0, headerEnd, StandardCharsets.UTF_8).strip();
        if (header.isEmpty()) {
            throw new UnreadableFileException("fichier vide : en-tête absent", null);
        }
        files.checkHeader(header);

        long rangeBytes = (long) rowsPerRange * averageLineLength(start, headerEnd);
        List<long[]> bounds = new ArrayList<>();
        for (long from = headerEnd; from < head.size(); ) {
            long to = from + rangeBytes >= head.size() ? head.size() : lineEndAfter(file, head, from + rangeBytes);
            bounds.add(new long[] {from, to});
            from = to;
        }
        List<RegistryRange> ranges = new ArrayList<>(bounds.size());
        for (int i = 0; i < bounds.size(); i++) {
            ranges.add(new RegistryRange(importId, file, head.version(), i, bounds.size(), bounds.get(i)[0],
                    bounds.get(i)[1], header));
        }
        return ranges;
    }

    /** Bytes per line in the sample after the header; the sample's length if it holds no whole line. */
    private static long averageLineLength(byte[] start, int headerEnd) {
        long lines = 0;
        for (int i = headerEnd; i < start.length; i++) {
            if (start[i] == '\n') {
                lines++;
            }
        }
        return Math.max(1, (start.length - headerEnd) / Math.max(1, lines));
    }

    /** The offset just after the first line feed at or after {@code offset}, or the file's end. */
    private long lineEndAfter(RegistryFile file, RegistryFileRanges.Head head, long offset) {
        for (long at = offset; at < head.size(); ) {
            byte[] chunk = files.read(file, head.version(), at, SEEK_BYTES);
            if (chunk.length == 0) {
                break;
            }
            int lineFeed = indexOfLineFeed(chunk, 0);
            if (lineFeed >= 0) {
                return at + lineFeed + 1;
            }
            at += chunk.length;
        }
        return head.size();
    }

    private static int indexOfLineFeed(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
