package fr.espacesante.domain.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CampaignCalendarTest {

    @Test
    void departements_go_in_ascending_order_with_corsica_in_place_of_20() {
        assertThat(Departments.ALL).hasSize(101);
        assertThat(Departments.ALL.subList(17, 22)).containsExactly("18", "19", "2A", "2B", "21");
        assertThat(Departments.ALL.getLast()).isEqualTo("976");
    }

    @Test
    void working_days_skip_weekends_and_french_public_holidays() {
        assertThat(WorkingDays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 4, 6))).as("Easter Monday").isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 5, 14))).as("Ascension").isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 5, 25))).as("Whit Monday").isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 7, 14))).isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 11, 22))).as("Sunday").isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 11, 23))).isTrue();
    }

    @Test
    void a_wave_plan_is_checked_and_its_departements_ordered() {
        LocalDate today = LocalDate.of(2026, 11, 23);
        WavePlan plan = new WavePlan(List.of("80", "31", "44", "31"), false, today, Optional.empty(), 1_000_000, 10_000)
                .validated(today);
        assertThat(plan.departments()).containsExactly("31", "44", "80");
        assertThatThrownBy(() -> new WavePlan(List.of("96"), false, today, Optional.empty(), 10, 10).validated(today))
                .hasMessage("Département « 96 » inconnu.");
        assertThatThrownBy(() -> new WavePlan(List.of("31"), false, today.minusDays(1), Optional.empty(), 10, 10)
                .validated(today)).hasMessageContaining("date de début");
        assertThatThrownBy(() -> new WavePlan(List.of("31"), false, today, Optional.empty(), 5, 10).validated(today))
                .hasMessageContaining("par jour");
        assertThatThrownBy(() -> new WavePlan(List.of("31"), true, today, Optional.empty(), 10, 10).validated(today))
                .hasMessageContaining("soit des départements");
    }
}
