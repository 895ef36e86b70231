package fr.espacesante.domain.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.domain.person.Sex;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreventionCalendarTest {

    private static final LocalDate BIRTH = LocalDate.of(1976, 6, 1);

    @Test
    void every_rule_names_its_official_source_and_the_child_has_twenty_mandatory_examinations() {
        assertThat(PreventionRules.all()).allSatisfy(rule -> assertThat(rule.source()).isNotBlank());
        assertThat(PreventionRules.all().stream().filter(r -> r.category() == PreventionRule.Category.CHILD_EXAMINATION)).hasSize(20);
        assertThat(PreventionRules.all().stream().map(PreventionRule::code).distinct()).hasSize(PreventionRules.all().size());
    }

    @Test
    void screenings_follow_sex_and_age_bands() {
        List<PreventionCalendar.Item> woman = PreventionCalendar.occurrences(BIRTH, Optional.of(Sex.FEMALE), Map.of());
        List<PreventionCalendar.Item> man = PreventionCalendar.occurrences(BIRTH, Optional.of(Sex.MALE), Map.of());
        // Breast: every 2 years from 50 to 74, 13 mammographies; none for a man
        assertThat(woman.stream().filter(i -> i.rule().code().equals("depistage-sein"))).hasSize(13)
                .first().satisfies(i -> assertThat(i.from()).isEqualTo(LocalDate.of(2026, 6, 1)));
        assertThat(man.stream().filter(i -> i.rule().code().equals("depistage-sein"))).isEmpty();
        // Colorectal for both; cervical for women: 25–29 every 3 years (2), 30–65 every 5 years (8)
        assertThat(man.stream().filter(i -> i.rule().code().equals("depistage-colorectal"))).hasSize(13);
        assertThat(woman.stream().filter(i -> i.rule().code().equals("depistage-col-25a"))).hasSize(2);
        assertThat(woman.stream().filter(i -> i.rule().code().equals("depistage-col-30a"))).hasSize(8)
                .last().satisfies(i -> assertThat(i.until()).isEqualTo(LocalDate.of(2042, 6, 1)));
        // An unknown sex gets the rules of both
        assertThat(PreventionCalendar.occurrences(BIRTH, Optional.empty(), Map.of()).stream()
                .filter(i -> i.rule().code().equals("depistage-sein"))).hasSize(13);
    }

    @Test
    void dental_check_ups_every_year_from_3_to_24_and_a_status_set_is_read_back() {
        LocalDate child = LocalDate.of(2020, 3, 9);
        var marks = Map.of("mt-dents-2023", new PreventionCalendar.Mark(PreventionCalendar.Status.DONE,
                Optional.of(LocalDate.of(2023, 4, 1)), java.time.Instant.EPOCH));
        List<PreventionCalendar.Item> items = PreventionCalendar.occurrences(child, Optional.of(Sex.MALE), marks);
        assertThat(items.stream().filter(i -> i.rule().code().equals("mt-dents"))).hasSize(22);
        assertThat(items.stream().filter(i -> i.code().equals("mt-dents-2023")).findFirst().orElseThrow().status())
                .isEqualTo(PreventionCalendar.Status.DONE);
        assertThat(items).isSortedAccordingTo(java.util.Comparator.comparing(PreventionCalendar.Item::from));
        assertThat(items.get(0).code()).isEqualTo("examen-8j");
    }
}
