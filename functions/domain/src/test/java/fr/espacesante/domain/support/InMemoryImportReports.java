package fr.espacesante.domain.support;

import fr.espacesante.domain.population.ImportRun;
import fr.espacesante.domain.population.ImportSummary;
import fr.espacesante.domain.population.RegistryFile;
import fr.espacesante.domain.population.RegistryRange;
import fr.espacesante.domain.population.port.out.ImportReports;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Reports in memory: the rejections of each range kept as parts, merged in file order. */
public class InMemoryImportReports implements ImportReports {
    public final Map<Long, String> rejections = new TreeMap<>();
    public final List<ImportSummary> finished = new ArrayList<>();
    private final java.util.Set<String> merged = new java.util.HashSet<>();
    public final List<String> abandonedRanges = new ArrayList<>();
    private final Map<Integer, Map<Long, String>> parts = new ConcurrentHashMap<>();

    @Override
    public Writer start(RegistryFile file, String importId) {
        synchronized (this) {
            rejections.clear();
        }
        return writer(rejections, file.name() + ".rapport.json", true);
    }

    @Override
    public Writer startRange(RegistryRange range) {
        Map<Long, String> part = new TreeMap<>();
        return new Writer() {
            @Override
            public synchronized void rejected(long line, String reason) {
                part.put(line, reason);
            }

            @Override
            public String finish(ImportSummary summary) {
                parts.put(range.index(), part);
                return "part-" + range.index();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public synchronized String merge(ImportRun run, ImportSummary summary, List<RangeLines> ranges) {
        if (!merged.add(run.importId())) {
            return run.file().name() + ".rapport.json";
        }
        rejections.clear();
        for (RangeLines range : ranges) {
            if (range.abandoned()) {
                abandonedRanges.add((range.lineOffset() + 2) + "-" + (range.lineOffset() + range.lineFeeds() + 1));
            } else {
                parts.getOrDefault(range.index(), Map.of())
                        .forEach((line, reason) -> rejections.put(line + range.lineOffset(), reason));
            }
        }
        finished.add(summary);
        return run.file().name() + ".rapport.json";
    }

    private Writer writer(Map<Long, String> target, String location, boolean recordSummary) {
        return new Writer() {
            @Override
            public void rejected(long line, String reason) {
                synchronized (InMemoryImportReports.this) {
                    target.put(line, reason);
                }
            }

            @Override
            public String finish(ImportSummary summary) {
                synchronized (InMemoryImportReports.this) {
                    if (recordSummary) {
                        finished.add(summary);
                    }
                }
                return location;
            }

            @Override
            public void close() {
            }
        };
    }
}
