package fr.espacesante.domain.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.domain.profile.MeasurementType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrantTest {

    private static final Instant CHANGED = Instant.parse("2026-11-01T00:00:00Z");
    private static final Duration DELAY = Duration.ofDays(30);
    private static final DataScope WEIGHT = DataScope.measurements(MeasurementType.WEIGHT);
    private static final DataScope HEIGHT = DataScope.measurements(MeasurementType.HEIGHT);
    private static final Grant GRANT = new Grant("space", "carnet-poids", "pseudo", Set.of(Purpose.PREVENTION), Set.of(WEIGHT),
            Set.of(WEIGHT), 1, Instant.parse("2026-10-01T00:00:00Z"), "patient", Optional.empty());

    @Test
    void a_service_asking_what_was_accepted_gets_it() {
        Grant.Effective effective = GRANT.effective(service(Set.of(WEIGHT), ReferencedService.State.ONLINE), CHANGED, DELAY);
        assertThat(effective.standing()).isEqualTo(Grant.Standing.CURRENT);
        assertThat(effective.read()).containsExactly(WEIGHT);
    }

    @Test
    void a_service_asking_for_more_keeps_only_the_old_grant_until_the_deadline_then_nothing() {
        ReferencedService more = service(Set.of(WEIGHT, HEIGHT), ReferencedService.State.ONLINE);
        Grant.Effective before = GRANT.effective(more, CHANGED.plus(Duration.ofDays(29)), DELAY);
        assertThat(before.standing()).isEqualTo(Grant.Standing.REAPPROVAL_NEEDED);
        assertThat(before.read()).containsExactly(WEIGHT);
        Grant.Effective after = GRANT.effective(more, CHANGED.plus(DELAY), DELAY);
        assertThat(after.standing()).isEqualTo(Grant.Standing.LAPSED);
        assertThat(after.read()).isEmpty();
    }

    @Test
    void a_suspended_service_or_a_revoked_grant_gets_nothing_and_less_asked_is_less_given() {
        assertThat(GRANT.effective(service(Set.of(WEIGHT), ReferencedService.State.SUSPENDED), CHANGED, DELAY).read()).isEmpty();
        Grant revoked = new Grant("space", "carnet-poids", "pseudo", Set.of(Purpose.PREVENTION), Set.of(WEIGHT), Set.of(WEIGHT), 1,
                CHANGED, "patient", Optional.of(CHANGED));
        assertThat(revoked.effective(service(Set.of(WEIGHT), ReferencedService.State.ONLINE), CHANGED, DELAY).standing())
                .isEqualTo(Grant.Standing.REVOKED);
        Grant wider = new Grant("space", "carnet-poids", "pseudo", Set.of(Purpose.PREVENTION), Set.of(WEIGHT, HEIGHT), Set.of(), 1,
                CHANGED, "patient", Optional.empty());
        assertThat(wider.effective(service(Set.of(WEIGHT), ReferencedService.State.ONLINE), CHANGED, DELAY).read())
                .containsExactly(WEIGHT);
    }

    private static ReferencedService service(Set<DataScope> read, ReferencedService.State state) {
        return new ReferencedService("carnet-poids", "Carnet Poids", "Exemple", "Fictif.", java.util.List.of("prevention"), state,
                Map.of(Purpose.PREVENTION, new ReferencedService.Access(read, Set.of(WEIGHT))), 2, CHANGED);
    }
}
