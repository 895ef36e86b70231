package fr.espacesante.domain.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.espacesante.domain.person.RegistryPerson;
import fr.espacesante.domain.population.port.out.RegistryFileRanges;
import fr.espacesante.domain.population.port.out.RegistryFiles;
import fr.espacesante.domain.support.InMemoryImportHistory;
import fr.espacesante.domain.support.RegistryLines;
import fr.espacesante.domain.support.InMemoryImportReports;
import fr.espacesante.domain.support.InMemoryPersonRegistry;
import fr.espacesante.domain.support.TestKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A file cut into ranges, imported in any order, with crashes and redeliveries, ends as one import. */
class RangeImportTest {

    private static final String HEADER = String.join(";", RegistryColumns.ALL);
    private static final String GOOD = "185057800608491;Dupont;Jean Pierre;1985-05-12;31;3 rue des Lilas;31000;Toulouse;jean@example.fr";
    private static final String GOOD_NO_MAIL = "176062A00301272;Casanova;Marie;1976-06-30;2A;1 cours Napoléon;20000;Ajaccio;";

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);
    private final RegistryRowValidator validator = new RegistryRowValidator(TestKeys.nirProtection(), clock);
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    @Test
    void a_file_cut_into_ranges_imported_in_any_order_with_crashes_counts_and_reports_as_one_import() {
        // GIVEN 120 lines, a person each (the registry's norm), some of them bad
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            lines.add(i % 9 == 0 ? "pas;une;ligne" : i % 13 == 0 ? person(i, "Toulouse").replace("1985-05-12", "12/05/1985")
                    : person(i, "Toulouse"));
        }
        files.put("grand.csv", (HEADER + "\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        // half of them already known, 10 of those with a new address
        InMemoryPersonRegistry registry = new InMemoryPersonRegistry(7);
        InMemoryPersonRegistry reference = new InMemoryPersonRegistry(7);
        List<String> known = new ArrayList<>();
        for (int i = 0; i < 120; i += 2) {
            known.add(person(i, i % 12 == 0 ? "Blagnac" : "Toulouse"));
        }
        files.put("connus.csv", (HEADER + "\n" + String.join("\n", known) + "\n").getBytes(StandardCharsets.UTF_8));
        for (InMemoryPersonRegistry r : List.of(registry, reference)) {
            new PopulationImport(this::openWhole, r, new InMemoryImportReports(), new InMemoryImportHistory(), validator,
                    clock, 2).importFile(new RegistryFile("b", "connus.csv"));
        }

        // the reference: the whole file in one invocation
        InMemoryImportReports singleReports = new InMemoryImportReports();
        ImportRun single = new PopulationImport(this::openWhole, reference, singleReports,
                new InMemoryImportHistory(), validator, clock, 3).importFile(new RegistryFile("b", "grand.csv"));

        // WHEN it is split into ranges of about 9 lines, delivered out of order, some twice, with workers crashing
        CrashingRegistry crashing = new CrashingRegistry(registry, new Random(17));
        InMemoryImportHistory history = new InMemoryImportHistory();
        InMemoryImportReports reports = new InMemoryImportReports();
        RangeImport worker = new RangeImport(new Ranges(), crashing, reports, history, validator, clock, 3);
        List<RegistryRange> queue = new ArrayList<>();
        new RegistrySplitter(new Ranges(), history, queue::addAll, worker.completion(), clock, 9).split(new RegistryFile("b", "grand.csv"));
        assertThat(queue).hasSizeGreaterThan(10);
        List<RegistryRange> deliveries = new ArrayList<>(queue);
        deliveries.addAll(queue.subList(0, 5));
        Collections.shuffle(deliveries, new Random(3));
        int crashes = 0;
        while (!deliveries.isEmpty()) {
            RegistryRange range = deliveries.removeFirst();
            try {
                worker.importRange(range);
            } catch (IllegalStateException crash) {
                crashes++;
                deliveries.add(range);
            }
        }

        // THEN the counts and the rejected lines are those of the single invocation, and the report was written once
        ImportRun run = history.runs.values().iterator().next();
        assertThat(crashes).isGreaterThan(3);
        assertThat(run.finished()).isTrue();
        assertThat(run.summary()).isEqualTo(single.summary());
        assertThat(run.summary().created()).isEqualTo(49);
        assertThat(run.summary().updated()).isEqualTo(6);
        assertThat(reports.rejections).isEqualTo(singleReports.rejections).hasSize(14 + 8);
        assertThat(reports.finished).hasSize(1);
        assertThat(contacts(registry)).isEqualTo(contacts(reference));
    }

    @Test
    void a_person_met_in_two_ranges_is_stored_once_and_every_line_is_counted_once() {
        List<String> lines = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 20; i++) {
                lines.add(person(i, round == 1 && i % 2 == 0 ? "Blagnac" : "Toulouse"));
            }
        }
        files.put("triple.csv", (HEADER + "\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        InMemoryPersonRegistry registry = new InMemoryPersonRegistry(4);
        InMemoryImportHistory history = new InMemoryImportHistory();
        RangeImport worker = new RangeImport(new Ranges(), new CrashingRegistry(registry, new Random(5)),
                new InMemoryImportReports(), history, validator, clock, 2);
        List<RegistryRange> queue = new ArrayList<>();
        new RegistrySplitter(new Ranges(), history, queue::addAll, worker.completion(), clock, 7).split(new RegistryFile("b", "triple.csv"));
        List<RegistryRange> deliveries = new ArrayList<>(queue.reversed());
        while (!deliveries.isEmpty()) {
            RegistryRange range = deliveries.removeFirst();
            try {
                worker.importRange(range);
            } catch (IllegalStateException crash) {
                deliveries.add(range);
            }
        }

        // Across ranges the file order is not kept (ranges run in parallel): each person is created once, and
        // every line ends in exactly one count.
        ImportSummary summary = history.runs.values().iterator().next().summary();
        assertThat(summary.read()).isEqualTo(60);
        assertThat(summary.created()).isEqualTo(20);
        assertThat(summary.complete()).isTrue();
        assertThat(registry.persons).hasSize(20);
    }

    @Test
    void an_abandoned_range_is_reported_and_the_later_line_numbers_stay_right() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add(i == 25 ? "mauvaise ligne" : person(i, "Toulouse"));
        }
        files.put("f.csv", (HEADER + "\n" + String.join("\n", lines)).getBytes(StandardCharsets.UTF_8));
        InMemoryImportHistory history = new InMemoryImportHistory();
        InMemoryImportReports reports = new InMemoryImportReports();
        RangeImport worker = new RangeImport(new Ranges(), new InMemoryPersonRegistry(5), reports, history,
                validator, clock, 2);
        List<RegistryRange> queue = new ArrayList<>();
        new RegistrySplitter(new Ranges(), history, queue::addAll, worker.completion(), clock, 10).split(new RegistryFile("b", "f.csv"));

        worker.completion().abandonRange(queue.get(1));
        worker.completion().abandonRange(queue.get(1));
        queue.forEach(worker::importRange);

        ImportRun run = history.runs.values().iterator().next();
        assertThat(run.summary().complete()).isFalse();
        assertThat(run.summary().fileError()).contains("1 plage de lignes n’a pas pu être importée après plusieurs"
                + " tentatives (voir « plagesAbandonnees »)");
        assertThat(run.progress().abandoned()).containsExactly(1);
        assertThat(reports.abandonedRanges).containsExactly(lineSpan(queue.get(0)) + 2 + "-" + (lineSpan(queue.get(0)) + lineSpan(queue.get(1)) + 1));
        assertThat(reports.rejections).containsOnlyKeys(27L);
        assertThat(run.summary().read()).isEqualTo(30 - lineSpan(queue.get(1)));
    }

    @Test
    void a_range_whose_file_was_deleted_since_the_split_is_abandoned_and_the_run_ends() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add(person(i, "Toulouse"));
        }
        files.put("supprime.csv", (HEADER + "\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        InMemoryImportHistory history = new InMemoryImportHistory();
        RangeImport worker = new RangeImport(new Ranges(), new InMemoryPersonRegistry(5), new InMemoryImportReports(),
                history, validator, clock, 2);
        List<RegistryRange> queue = new ArrayList<>();
        new RegistrySplitter(new Ranges(), history, queue::addAll, worker.completion(), clock, 10).split(new RegistryFile("b", "supprime.csv"));
        worker.importRange(queue.getFirst());
        long firstRangeLines = lineSpan(queue.getFirst());
        files.remove("supprime.csv");

        // every delivery of the other ranges fails; from the dead-letter queue, they are abandoned all the same
        for (RegistryRange range : queue.subList(1, queue.size())) {
            assertThatThrownBy(() -> worker.importRange(range)).isInstanceOf(UnreadableFileException.class);
            worker.completion().abandonRange(range);
        }

        ImportRun run = history.runs.values().iterator().next();
        assertThat(run.finished()).isTrue();
        assertThat(run.progress().abandoned()).hasSize(queue.size() - 1);
        assertThat(run.summary().complete()).isFalse();
        assertThat(run.summary().read()).isEqualTo(firstRangeLines);
    }

    @Test
    void a_split_that_crashed_before_queuing_its_ranges_is_resumed_under_the_same_import() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add(person(i, "Toulouse"));
        }
        files.put("f.csv", (HEADER + "\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        InMemoryImportHistory history = new InMemoryImportHistory();
        InMemoryImportReports reports = new InMemoryImportReports();
        RangeImport worker = new RangeImport(new Ranges(), new InMemoryPersonRegistry(5), reports, history, validator, clock, 2);
        List<RegistryRange> queue = new ArrayList<>();
        boolean[] crash = {true};
        RegistrySplitter splitter = new RegistrySplitter(new Ranges(), history, ranges -> {
            if (crash[0]) {
                crash[0] = false;
                queue.addAll(ranges.subList(0, 1));
                throw new IllegalStateException("splitter crashed while queuing");
            }
            queue.addAll(ranges);
        }, worker.completion(), clock, 10);

        // the first delivery queues one range, then the splitter dies; that range is imported meanwhile
        assertThatThrownBy(() -> splitter.split(new RegistryFile("b", "f.csv"), "import-1"));
        worker.importRange(queue.removeFirst());
        // the event delivered again resumes the same import; delivered a third time, it queues nothing
        splitter.split(new RegistryFile("b", "f.csv"), "import-1");
        int queued = queue.size();
        splitter.split(new RegistryFile("b", "f.csv"), "import-1");
        assertThat(queue).hasSize(queued);
        queue.forEach(worker::importRange);

        ImportRun run = history.find("import-1").orElseThrow();
        assertThat(history.runs).hasSize(1);
        assertThat(run.finished()).isTrue();
        assertThat(run.summary()).isEqualTo(new ImportSummary(40, 40, 0, 0, 0, Optional.empty()));
        assertThat(reports.finished).hasSize(1);
    }

    @Test
    void a_range_that_breaks_off_names_the_unread_lines_in_the_file_s_numbering_and_the_next_ranges_are_read() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add(i == 15 ? "!guillemet ouvert" : person(i, "Toulouse"));
        }
        files.put("f.csv", (HEADER + "\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        InMemoryImportHistory history = new InMemoryImportHistory();
        RangeImport worker = new RangeImport(new Ranges(), new InMemoryPersonRegistry(5), new InMemoryImportReports(),
                history, validator, clock, 2);
        List<RegistryRange> queue = new ArrayList<>();
        new RegistrySplitter(new Ranges(), history, queue::addAll, worker.completion(), clock, 10).split(new RegistryFile("b", "f.csv"), "i");
        assertThat(queue).hasSize(3);

        queue.reversed().forEach(worker::importRange);

        // file line 17 is the 16th data line, in the second range: the rest of that range is unread
        long secondRangeLast = lineSpan(queue.get(0)) + lineSpan(queue.get(1)) + 1;
        assertThat(lineSpan(queue.get(0)) + 2).isLessThan(17);
        ImportSummary summary = history.find("i").orElseThrow().summary();
        assertThat(summary.fileError()).contains("fichier illisible à partir de la ligne 17 (guillemets mal fermés ?) :"
                + " lignes 17 à " + secondRangeLast + " non lues");
        assertThat(summary.read()).isEqualTo(30 - (secondRangeLast - 17 + 1));
        assertThat(summary.created()).isEqualTo(summary.read());
        assertThat(summary.complete()).isFalse();
    }

    @Test
    void a_header_alone_finishes_at_once_and_a_wrong_header_is_reported_without_any_range() {
        files.put("vide.csv", (HEADER + "\r\n").getBytes(StandardCharsets.UTF_8));
        files.put("faux.csv", "nir;nom\n1;2\n".getBytes(StandardCharsets.UTF_8));
        InMemoryImportHistory history = new InMemoryImportHistory();
        RangeImport worker = new RangeImport(new Ranges(), new InMemoryPersonRegistry(5), new InMemoryImportReports(),
                history, validator, clock, 2);
        List<RegistryRange> queue = new ArrayList<>();
        RegistrySplitter splitter = new RegistrySplitter(new Ranges(), history, queue::addAll, worker.completion(), clock, 10);

        ImportRun empty = splitter.split(new RegistryFile("b", "vide.csv"));
        ImportRun wrong = splitter.split(new RegistryFile("b", "faux.csv"));

        assertThat(queue).isEmpty();
        assertThat(empty.finished()).isTrue();
        assertThat(empty.summary().complete()).isTrue();
        assertThat(wrong.finished()).isTrue();
        assertThat(wrong.summary().fileError()).contains("en-tête invalide");
    }

    @Test
    void a_range_of_an_unknown_run_is_refused() {
        RangeImport worker = new RangeImport(new Ranges(), new InMemoryPersonRegistry(5), new InMemoryImportReports(),
                new InMemoryImportHistory(), validator, clock, 2);
        assertThatThrownBy(() -> worker.importRange(new RegistryRange("inconnu", new RegistryFile("b", "f.csv"), "v",
                0, 1, 0, 10, HEADER))).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, Object> contacts(InMemoryPersonRegistry registry) {
        Map<String, Object> contacts = new java.util.TreeMap<>();
        registry.persons.forEach((key, person) -> contacts.put(key, person.contact()));
        return contacts;
    }

    private long lineSpan(RegistryRange range) {
        byte[] bytes = files.get(range.file().name());
        long feeds = 0;
        for (long i = range.firstByte(); i < range.endByte(); i++) {
            feeds += bytes[(int) i] == '\n' ? 1 : 0;
        }
        return feeds;
    }

    /** A valid NIR per index (order number 001 + i), with its key. */
    private static String person(int i, String town) {
        long base = 1_850_578_006_001L + i;
        long key = 97 - base % 97;
        return base + String.format("%02d", key) + ";Dupont;Jean " + i + ";1985-05-12;31;3 rue des Lilas;31000;" + town + ";";
    }

    private RegistryFiles.Rows openWhole(RegistryFile file) {
        byte[] bytes = files.get(file.name());
        int headerEnd = indexOf(bytes, 0) + 1;
        return rows(bytes, headerEnd, bytes.length);
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Lines of bytes [from, to), numbered from 2 (after the header), fields split on ';'. */
    private static RegistryFileRanges.RangeRows rows(byte[] bytes, int from, int to) {
        String text = new String(bytes, from, to - from, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        long feeds = text.chars().filter(c -> c == '\n').count();
        var iterator = lines.iterator();
        return new RegistryFileRanges.RangeRows() {
            long line = 1;

            @Override
            public long lineFeeds() {
                return feeds;
            }

            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public RegistryRow next() {
                String text = iterator.next().strip();
                line++;
                if (text.startsWith("!")) {
                    while (iterator.hasNext()) {
                        iterator.next();
                    }
                    throw new UnreadableFileException("illisible à la ligne " + line + " de la plage", line, null);
                }
                return RegistryLines.row(line, text);
            }

            @Override
            public void close() {
            }
        };
    }

    private final class Ranges implements RegistryFileRanges {
        @Override
        public Head head(RegistryFile file, int bytes) {
            byte[] all = files.get(file.name());
            return new Head("v1", all.length, Arrays.copyOf(all, Math.min(bytes, all.length)));
        }

        @Override
        public byte[] read(RegistryFile file, String version, long offset, int length) {
            byte[] all = files.get(file.name());
            return Arrays.copyOfRange(all, (int) Math.min(offset, all.length), (int) Math.min(offset + length, all.length));
        }

        @Override
        public void checkHeader(String header) {
            if (!header.equals(HEADER)) {
                throw new UnreadableFileException("en-tête invalide", null);
            }
        }

        @Override
        public RangeRows open(RegistryRange range) {
            if (!files.containsKey(range.file().name())) {
                throw new UnreadableFileException("fichier remplacé ou supprimé depuis le début de l’import", null);
            }
            return rows(files.get(range.file().name()), (int) range.firstByte(), (int) range.endByte());
        }
    }

    /** Crashes about one store in four, sometimes after writing its batch: a worker dying mid-range. */
    private static final class CrashingRegistry extends InMemoryPersonRegistry {
        private final InMemoryPersonRegistry target;
        private final Random random;

        CrashingRegistry(InMemoryPersonRegistry target, Random random) {
            super(target.maxBatchSize());
            this.target = target;
            this.random = random;
        }

        @Override
        public synchronized List<StoreOutcome> store(List<RegistryPerson> batch, List<String> origins) {
            int fate = random.nextInt(8);
            if (fate == 0) {
                throw new IllegalStateException("worker crashed before writing");
            }
            List<StoreOutcome> outcomes = target.store(batch, origins);
            if (fate == 1) {
                throw new IllegalStateException("worker crashed after writing");
            }
            return outcomes;
        }
    }
}
