package fr.espacesante.domain.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.espacesante.domain.population.port.out.RegistryFiles;
import fr.espacesante.domain.support.InMemoryImportHistory;
import fr.espacesante.domain.support.RegistryLines;
import fr.espacesante.domain.support.InMemoryImportReports;
import fr.espacesante.domain.support.InMemoryPersonRegistry;
import fr.espacesante.domain.support.TestKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PopulationImportTest {

    private static final String GOOD = "185057800608491;Dupont;Jean Pierre;1985-05-12;31;3 rue des Lilas;31000;Toulouse;jean@example.fr";
    private static final String GOOD_NO_MAIL = "176062A00301272;Casanova;Marie;1976-06-30;2A;1 cours Napoléon;20000;Ajaccio;";

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryPersonRegistry registry = new InMemoryPersonRegistry(3);
    private final InMemoryImportReports reports = new InMemoryImportReports();
    private final List<ImportRun> history = new ArrayList<>();
    private final Map<String, List<String>> files = new LinkedHashMap<>();

    private final PopulationImport populationImport = new PopulationImport(this::open, registry, reports,
            new FakeHistory(), new RegistryRowValidator(TestKeys.nirProtection(), clock), clock, 2);

    @Test
    void imports_valid_lines_and_reports_every_rejected_one_with_its_line_number() {
        // GIVEN a file with 2 good lines and 5 bad ones
        file("a.csv",
                GOOD,
                "185057800608492;Durand;Paul;1985-05-12;31;1 rue;31000;Toulouse;",
                "185057800608491;Dupont;Jean;12/05/1985;31;1 rue;31000;Toulouse;",
                GOOD_NO_MAIL,
                "201059741203549;Hoarau;Lise;2001-05-03;974;2 rue;97400;Saint-Denis;pas-une-adresse",
                "201059741203549;Hoarau;Lise;2001-05-03;974;2 rue;97400",
                "145307505600148;;Léon;1945-11-02;75;5 rue;75001;Paris;");

        // WHEN it is imported
        ImportRun run = populationImport.importFile(new RegistryFile("bucket", "a.csv"));

        // THEN the good lines are stored and each bad one is reported with its reason
        assertThat(run.summary()).isEqualTo(new ImportSummary(7, 2, 0, 0, 5, Optional.empty()));
        assertThat(registry.persons).hasSize(2);
        assertThat(reports.rejections).containsExactly(
                Map.entry(3L, "NIR invalide : la clé de contrôle ne correspond pas"),
                Map.entry(4L, "date de naissance invalide : format AAAA-MM-JJ attendu"),
                Map.entry(6L, "adresse e-mail invalide"),
                Map.entry(7L, "nombre de colonnes incorrect : 9 attendues, 7 trouvées"),
                Map.entry(8L, "nom absent"));
        assertThat(reports.finished).containsExactly(run.summary());
        assertThat(history).containsExactly(run);
    }

    @Test
    void a_second_import_of_the_same_file_changes_nothing() {
        file("a.csv", GOOD, GOOD_NO_MAIL);
        populationImport.importFile(new RegistryFile("bucket", "a.csv"));
        var before = Map.copyOf(registry.persons);

        ImportRun again = populationImport.importFile(new RegistryFile("bucket", "a.csv"));

        assertThat(again.summary()).isEqualTo(new ImportSummary(2, 0, 0, 2, 0, Optional.empty()));
        assertThat(registry.persons).isEqualTo(before);
    }

    @Test
    void a_new_address_updates_only_the_contact_details() {
        file("a.csv", GOOD);
        populationImport.importFile(new RegistryFile("bucket", "a.csv"));
        var sealed = registry.persons.values().iterator().next().sealedNir();
        file("b.csv", GOOD.replace("3 rue des Lilas;31000;Toulouse", "8 allée Verte;44000;Nantes").replace(";31;", ";44;"));

        ImportRun run = populationImport.importFile(new RegistryFile("bucket", "b.csv"));

        assertThat(run.summary().updated()).isEqualTo(1);
        var person = registry.persons.values().iterator().next();
        assertThat(person.contact().address().town()).isEqualTo("Nantes");
        assertThat(person.contact().department()).isEqualTo("44");
        assertThat(person.sealedNir()).isEqualTo(sealed);
    }

    @Test
    void a_different_identity_for_a_known_nir_is_reported_not_applied() {
        file("a.csv", GOOD);
        populationImport.importFile(new RegistryFile("bucket", "a.csv"));
        file("b.csv", GOOD.replace("Dupont", "Martin"));

        ImportRun run = populationImport.importFile(new RegistryFile("bucket", "b.csv"));

        assertThat(run.summary()).isEqualTo(new ImportSummary(1, 0, 0, 0, 1, Optional.empty()));
        assertThat(reports.rejections).containsOnlyKeys(2L);
        assertThat(registry.persons.values().iterator().next().identity().lastName()).isEqualTo("Dupont");
    }

    @Test
    void the_same_person_twice_in_one_file_is_stored_once() {
        file("a.csv", GOOD, GOOD, GOOD.replace("Toulouse", "Blagnac"));

        ImportRun run = populationImport.importFile(new RegistryFile("bucket", "a.csv"));

        assertThat(run.summary()).isEqualTo(new ImportSummary(3, 1, 1, 1, 0, Optional.empty()));
        assertThat(registry.persons).hasSize(1);
    }

    @Test
    void many_batches_on_several_workers_count_every_line_once() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            lines.add(i % 2 == 0 ? GOOD : "bad;" + i);
        }
        lines.add(GOOD_NO_MAIL);
        file("a.csv", lines.toArray(String[]::new));

        ImportRun run = populationImport.importFile(new RegistryFile("bucket", "a.csv"));

        assertThat(run.summary()).isEqualTo(new ImportSummary(51, 2, 0, 24, 25, Optional.empty()));
        assertThat(run.summary().complete()).isTrue();
    }

    @Test
    void an_unreadable_file_is_reported_with_what_was_done_before() {
        file("a.csv", GOOD, "!unreadable", GOOD_NO_MAIL);

        ImportRun run = populationImport.importFile(new RegistryFile("bucket", "a.csv"));

        assertThat(run.summary().fileError()).contains("fichier illisible à partir de la ligne 3");
        assertThat(run.summary().created()).isEqualTo(1);
        assertThat(run.summary().complete()).isFalse();
    }

    @Test
    void a_storage_failure_fails_the_run_so_that_it_is_retried() {
        file("a.csv", GOOD);
        PopulationImport failing = new PopulationImport(this::open, new InMemoryPersonRegistry(3) {
            @Override
            public synchronized List<StoreOutcome> store(List<fr.espacesante.domain.person.RegistryPerson> batch,
                                                        List<String> origins) {
                throw new IllegalStateException("table indisponible");
            }
        }, reports, new FakeHistory(), new RegistryRowValidator(TestKeys.nirProtection(), clock), clock, 2);

        assertThatThrownBy(() -> failing.importFile(new RegistryFile("bucket", "a.csv")))
                .hasMessage("table indisponible");
        assertThat(history).isEmpty();
    }

    private void file(String name, String... lines) {
        files.put(name, List.of(lines));
    }

    private RegistryFiles.Rows open(RegistryFile file) {
        Iterator<String> lines = files.get(file.name()).iterator();
        return new RegistryFiles.Rows() {
            long line = 1;

            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public RegistryRow next() {
                String text = lines.next();
                line++;
                if (text.startsWith("!")) {
                    throw new UnreadableFileException("fichier illisible à partir de la ligne " + line, null);
                }
                return RegistryLines.row(line, text);
            }

            @Override
            public void close() {
            }
        };
    }

    private final class FakeHistory extends InMemoryImportHistory {
        @Override
        public synchronized void record(ImportRun run) {
            super.record(run);
            history.add(run);
        }
    }
}
