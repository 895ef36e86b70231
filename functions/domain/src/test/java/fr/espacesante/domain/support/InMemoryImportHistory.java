package fr.espacesante.domain.support;

import fr.espacesante.domain.population.ImportRun;
import fr.espacesante.domain.population.ImportSummary;
import fr.espacesante.domain.population.RangeResult;
import fr.espacesante.domain.population.RegistryRange;
import fr.espacesante.domain.population.port.out.ImportHistory;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Import runs in a map, with the DynamoDB adapter's once-only settlement and finish. */
public class InMemoryImportHistory implements ImportHistory {
    public final Map<String, ImportRun> runs = new LinkedHashMap<>();
    private final Map<String, Map<Integer, SettledRange>> settled = new HashMap<>();
    public int finishes;

    @Override
    public synchronized void record(ImportRun run) {
        runs.put(run.importId(), run);
    }

    private final Set<String> queued = new HashSet<>();

    @Override
    public synchronized boolean started(ImportRun run) {
        return runs.putIfAbsent(run.importId(), run) == null;
    }

    @Override
    public synchronized void queued(String importId) {
        queued.add(importId);
    }

    @Override
    public synchronized boolean isQueued(String importId) {
        return queued.contains(importId);
    }

    @Override
    public synchronized Optional<ImportRun> settle(RegistryRange range, RangeResult result) {
        ImportRun run = runs.get(range.importId());
        if (run.progress().isSettled(range.index())) {
            return Optional.empty();
        }
        ImportSummary s = run.summary();
        ImportSummary r = result.summary();
        Set<Integer> done = new HashSet<>(run.progress().done());
        done.add(range.index());
        settled.computeIfAbsent(run.importId(), id -> new HashMap<>())
                .put(range.index(), new SettledRange(result.lineFeeds(), result.unreadableFrom()));
        ImportRun after = new ImportRun(run.importId(), run.file(), run.startedAt(), null,
                new ImportSummary(s.read() + r.read(), s.created() + r.created(), s.updated() + r.updated(),
                        s.unchanged() + r.unchanged(), s.rejected() + r.rejected(), s.fileError().or(r::fileError)),
                null, new ImportRun.Progress(run.progress().total(), Set.copyOf(done), run.progress().abandoned()));
        runs.put(run.importId(), after);
        return Optional.of(after);
    }

    @Override
    public synchronized Optional<ImportRun> abandon(RegistryRange range, long feeds) {
        ImportRun run = runs.get(range.importId());
        if (run.progress().isSettled(range.index())) {
            return Optional.empty();
        }
        Set<Integer> abandoned = new HashSet<>(run.progress().abandoned());
        abandoned.add(range.index());
        settled.computeIfAbsent(run.importId(), id -> new HashMap<>()).put(range.index(), new SettledRange(feeds, 0));
        ImportRun after = new ImportRun(run.importId(), run.file(), run.startedAt(), null, run.summary(), null,
                new ImportRun.Progress(run.progress().total(), run.progress().done(), Set.copyOf(abandoned)));
        runs.put(run.importId(), after);
        return Optional.of(after);
    }

    @Override
    public synchronized Map<Integer, SettledRange> settledRanges(String importId) {
        return Map.copyOf(settled.getOrDefault(importId, Map.of()));
    }

    @Override
    public synchronized boolean finish(String importId, ImportSummary summary, String reportLocation, Instant at) {
        ImportRun run = runs.get(importId);
        finishes++;
        if (run.finished()) {
            return false;
        }
        runs.put(importId, new ImportRun(importId, run.file(), run.startedAt(), at, summary, reportLocation,
                run.progress()));
        return true;
    }

    @Override
    public synchronized List<ImportRun> latest(int limit) {
        return runs.values().stream().toList().reversed().stream().limit(limit).toList();
    }

    @Override
    public synchronized Optional<ImportRun> find(String importId) {
        return Optional.ofNullable(runs.get(importId));
    }
}
