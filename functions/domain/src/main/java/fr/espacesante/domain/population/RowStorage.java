package fr.espacesante.domain.population;

import fr.espacesante.domain.person.RegistryPerson;
import fr.espacesante.domain.population.port.out.ImportReports;
import fr.espacesante.domain.population.port.out.PersonRegistry;
import fr.espacesante.domain.population.port.out.PersonRegistry.StoreOutcome;
import fr.espacesante.domain.population.port.out.RegistryFiles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Reads registry lines, validates each, stores valid persons in batches on a few workers and reports
 * every rejected line: what a whole file (one invocation) and a range (one worker) both do.
 *
 * <p>Memory stays constant whatever the size: one batch being filled plus at most
 * {@code 2 × workers} batches in flight.
 */
final class RowStorage {

    private final PersonRegistry registry;
    private final RegistryRowValidator validator;
    private final int workers;

    RowStorage(PersonRegistry registry, RegistryRowValidator validator, int workers) {
        this.registry = registry;
        this.validator = validator;
        this.workers = Math.max(1, workers);
    }

    /**
     * Stores every line of {@code rows}; a storage failure fails the whole call (it is safe to replay).
     *
     * @param origin the origin each line's writes are recorded with, by line number
     */
    Stored store(RegistryFiles.Rows rows, ImportReports.Writer report, LongFunction<String> origin) {
        Counts counts = new Counts();
        Optional<String> fileError = Optional.empty();
        long unreadableFrom = 0;
        try (Pipeline pipeline = new Pipeline(report, counts, origin)) {
            try {
                readAll(rows, report, counts, pipeline);
            } catch (UnreadableFileException e) {
                fileError = Optional.of(e.getMessage());
                unreadableFrom = e.line();
            }
            pipeline.drain();
        }
        return new Stored(counts.summary(fileError), unreadableFrom);
    }

    /** @param unreadableFrom the line, as the rows numbered it, from which they could not be read (0: all read) */
    record Stored(ImportSummary summary, long unreadableFrom) {
    }

    private void readAll(RegistryFiles.Rows rows, ImportReports.Writer report, Counts counts, Pipeline pipeline) {
        Batch batch = new Batch(registry.maxBatchSize());
        try {
            while (rows.hasNext()) {
                RegistryRow row = rows.next();
                counts.read.incrementAndGet();
                RegistryPerson person;
                try {
                    person = validator.validate(row);
                } catch (RowRejectedException e) {
                    counts.rejected.incrementAndGet();
                    report.rejected(row.line(), e.getMessage());
                    continue;
                }
                // A person met again while their earlier line is still being stored must wait for it,
                // so that the file's last line about them is the one that stays.
                boolean seenRecently = batch.contains(person) || pipeline.isInFlight(person.personKey());
                if (batch.isFull() || seenRecently) {
                    pipeline.submit(batch);
                    batch = new Batch(registry.maxBatchSize());
                    if (seenRecently) {
                        pipeline.drain();
                    }
                }
                batch.add(person, row.line());
            }
        } finally {
            if (!batch.isEmpty()) {
                pipeline.submit(batch);
            }
        }
    }

    /** Persons of distinct keys, with the file line each came from. */
    private static final class Batch {
        final List<RegistryPerson> persons;
        final List<Long> lines;
        final Set<String> keys = new HashSet<>();
        private final int capacity;

        Batch(int capacity) {
            this.capacity = capacity;
            this.persons = new ArrayList<>(capacity);
            this.lines = new ArrayList<>(capacity);
        }

        void add(RegistryPerson person, long line) {
            persons.add(person);
            lines.add(line);
            keys.add(person.personKey());
        }

        boolean contains(RegistryPerson person) {
            return keys.contains(person.personKey());
        }

        boolean isFull() {
            return persons.size() == capacity;
        }

        boolean isEmpty() {
            return persons.isEmpty();
        }
    }

    private static final class Counts {
        final AtomicLong read = new AtomicLong();
        final AtomicLong created = new AtomicLong();
        final AtomicLong updated = new AtomicLong();
        final AtomicLong unchanged = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();

        ImportSummary summary(Optional<String> fileError) {
            return new ImportSummary(read.get(), created.get(), updated.get(), unchanged.get(), rejected.get(),
                    fileError);
        }
    }

    /** Batches stored on a fixed pool, with a bound on how many wait: the reader blocks when it is ahead. */
    private final class Pipeline implements AutoCloseable {
        private final ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "population-import-store");
            t.setDaemon(true);
            return t;
        });
        private final Semaphore inFlight = new Semaphore(workers * 2);
        private final List<Future<?>> pending = new ArrayList<>();
        private final Set<String> inFlightKeys = ConcurrentHashMap.newKeySet();
        private final ImportReports.Writer report;
        private final Counts counts;
        private final LongFunction<String> origin;

        Pipeline(ImportReports.Writer report, Counts counts, LongFunction<String> origin) {
            this.report = report;
            this.counts = counts;
            this.origin = origin;
        }

        boolean isInFlight(String personKey) {
            return inFlightKeys.contains(personKey);
        }

        void submit(Batch batch) {
            inFlight.acquireUninterruptibly();
            for (Future<?> done : pending.stream().filter(Future::isDone).toList()) {
                await(done);
                pending.remove(done);
            }
            inFlightKeys.addAll(batch.keys);
            List<String> origins = batch.lines.stream().map(origin::apply).toList();
            pending.add(pool.submit(() -> {
                try {
                    tally(registry.store(batch.persons, origins), batch.lines);
                } finally {
                    inFlightKeys.removeAll(batch.keys);
                    inFlight.release();
                }
            }));
        }

        private void tally(List<StoreOutcome> outcomes, List<Long> lines) {
            for (int i = 0; i < outcomes.size(); i++) {
                switch (outcomes.get(i)) {
                    case CREATED -> counts.created.incrementAndGet();
                    case CONTACT_UPDATED -> counts.updated.incrementAndGet();
                    case UNCHANGED -> counts.unchanged.incrementAndGet();
                    case IDENTITY_DIFFERS -> {
                        counts.rejected.incrementAndGet();
                        report.rejected(lines.get(i), "identité différente de celle déjà enregistrée pour ce NIR"
                                + " (nom, prénoms ou date de naissance) : ligne non appliquée");
                    }
                }
            }
        }

        /** Waits for every submitted batch; a storage failure fails the whole run (it is safe to replay). */
        void drain() {
            for (Future<?> future : List.copyOf(pending)) {
                await(future);
            }
            pending.clear();
        }

        private static void await(Future<?> future) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("import interrompu", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("échec d'enregistrement", e.getCause());
            }
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }
}
