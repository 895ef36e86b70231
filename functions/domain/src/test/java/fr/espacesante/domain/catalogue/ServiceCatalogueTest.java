package fr.espacesante.domain.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.espacesante.domain.catalogue.port.out.Catalogue;
import fr.espacesante.domain.profile.MeasurementType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceCatalogueTest {

    private final InMemoryCatalogue store = new InMemoryCatalogue();
    private final ServiceCatalogue catalogue = new ServiceCatalogue(store, Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void search_ignores_case_and_accents_filters_by_category_and_shows_online_services_only() {
        catalogue.load("op", List.of(entry("equilibre", "Équilibre Assiette", "bien-etre", ReferencedService.State.ONLINE, WEIGHT),
                entry("carnet-poids", "Carnet Poids", "prevention", ReferencedService.State.ONLINE, WEIGHT),
                entry("podometre", "Podomètre", "prevention", ReferencedService.State.SUSPENDED, WEIGHT)));
        assertThat(ids(catalogue.search(Optional.empty(), Optional.of("EQUILIBRE"), 0, 10))).containsExactly("equilibre");
        assertThat(ids(catalogue.search(Optional.empty(), Optional.of("équilibre"), 0, 10))).containsExactly("equilibre");
        assertThat(ids(catalogue.search(Optional.of("prevention"), Optional.empty(), 0, 10))).containsExactly("carnet-poids");
        assertThat(catalogue.search(Optional.empty(), Optional.empty(), 1, 1).total()).isEqualTo(2);
        assertThatThrownBy(() -> catalogue.search(Optional.of("jeux"), Optional.empty(), 0, 10)).isInstanceOf(CatalogueException.class);
    }

    @Test
    void a_reload_asking_for_more_is_a_new_version_and_every_change_is_audited() {
        catalogue.load("op", List.of(entry("carnet-poids", "Carnet Poids", "prevention", ReferencedService.State.ONLINE, WEIGHT)));
        ServiceCatalogue.LoadReport same = catalogue.load("op", List.of(entry("carnet-poids", "Carnet Poids", "prevention",
                ReferencedService.State.ONLINE, WEIGHT)));
        assertThat(same.unchanged()).isEqualTo(1);
        ServiceCatalogue.LoadReport more = catalogue.load("op", List.of(entry("carnet-poids", "Carnet Poids", "prevention",
                ReferencedService.State.ONLINE, DataScope.measurements(MeasurementType.HEIGHT))));
        assertThat(more.newVersions()).isEqualTo(1);
        assertThat(catalogue.find("carnet-poids").version()).isEqualTo(2);
        catalogue.suspend("op2", "carnet-poids");
        assertThat(store.changes("carnet-poids")).extracting(Catalogue.Change::change)
                .containsExactly("référencé", "données demandées modifiées", "suspendu");
        // A routine reload of the referential (the service « en ligne » in the file) does not bring it back
        catalogue.load("op", List.of(entry("carnet-poids", "Carnet Poids (nouveau nom)", "prevention", ReferencedService.State.ONLINE,
                DataScope.measurements(MeasurementType.HEIGHT))));
        assertThat(catalogue.find("carnet-poids").state()).isEqualTo(ReferencedService.State.SUSPENDED);
        assertThat(catalogue.reinstate("op2", "carnet-poids").state()).isEqualTo(ReferencedService.State.ONLINE);
    }

    @Test
    void a_referential_with_a_duplicate_an_unknown_category_or_an_empty_purpose_is_refused_whole() {
        assertThatThrownBy(() -> catalogue.load("op", List.of(entry("a-b-c", "A", "prevention", ReferencedService.State.ONLINE, WEIGHT),
                entry("a-b-c", "B", "prevention", ReferencedService.State.ONLINE, WEIGHT)))).isInstanceOf(CatalogueException.class);
        assertThatThrownBy(() -> catalogue.load("op", List.of(entry("a-b-c", "A", "jeux", ReferencedService.State.ONLINE, WEIGHT))))
                .isInstanceOf(CatalogueException.class);
        assertThat(store.all()).isEmpty();
    }

    private static final DataScope WEIGHT = DataScope.measurements(MeasurementType.WEIGHT);

    private static ReferencedService entry(String id, String name, String category, ReferencedService.State state, DataScope read) {
        return new ReferencedService(id, name, "Exemple Santé SAS", "Un service fictif.", List.of(category), state,
                Map.of(Purpose.PREVENTION, new ReferencedService.Access(Set.of(read), Set.of())), 0, Instant.EPOCH);
    }

    private static List<String> ids(ServiceCatalogue.Page page) {
        return page.services().stream().map(ReferencedService::serviceId).toList();
    }

    private static final class InMemoryCatalogue implements Catalogue {
        private final Map<String, ReferencedService> services = new LinkedHashMap<>();
        private final List<Change> changes = new ArrayList<>();

        @Override
        public List<ReferencedService> all() {
            return List.copyOf(services.values());
        }

        @Override
        public Optional<ReferencedService> find(String serviceId) {
            return Optional.ofNullable(services.get(serviceId));
        }

        @Override
        public void save(ReferencedService service, Change change) {
            services.put(service.serviceId(), service);
            changes.add(change);
        }

        @Override
        public List<Change> changes(String serviceId) {
            return changes.stream().filter(c -> c.serviceId().equals(serviceId)).toList();
        }
    }
}
