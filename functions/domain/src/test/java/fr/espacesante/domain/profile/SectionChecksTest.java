package fr.espacesante.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SectionChecksTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private final SectionChecks checks = new SectionChecks(Optional.of(LocalDate.of(1985, 1, 14)), TODAY, "doc-1"::equals);

    @Test
    void every_section_accepts_its_required_fields_and_leaves_blank_optional_ones_out() {
        for (ProfileSection section : ProfileSection.values()) {
            Map<String, String> typed = new HashMap<>();
            for (SectionField field : section.fields()) {
                if (field.required()) {
                    typed.put(field.name(), sample(field));
                } else {
                    typed.put(field.name(), " ");
                }
            }
            assertThat(checks.check(section, typed).keySet()).as(section.code())
                    .allMatch(name -> section.field(name).orElseThrow().required());
        }
    }

    @Test
    void refuses_what_the_specification_does_not_allow() {
        assertThat(reason(ProfileSection.ALLERGIES, Map.of("reaction", "x"))).isEqualTo(ProfileException.Reason.MISSING_FIELD);
        assertThat(reason(ProfileSection.ALLERGIES, Map.of("substance", "x", "gravite", "MORTELLE")))
                .isEqualTo(ProfileException.Reason.UNKNOWN_CHOICE);
        assertThat(reason(ProfileSection.ALLERGIES, Map.of("substance", "x", "autre", "y"))).isEqualTo(ProfileException.Reason.UNKNOWN_FIELD);
        assertThat(reason(ProfileSection.DISEASES, Map.of("nom", "x", "depuis", "2026-11-30"))).isEqualTo(ProfileException.Reason.FUTURE_DATE);
        assertThat(reason(ProfileSection.DISEASES, Map.of("nom", "x", "depuis", "1984-12-31"))).isEqualTo(ProfileException.Reason.BEFORE_BIRTH);
        assertThat(reason(ProfileSection.DISEASES, Map.of("nom", "x", "depuis", "2026-02-30"))).isEqualTo(ProfileException.Reason.INVALID_DATE);
        assertThat(reason(ProfileSection.TREATMENTS, Map.of("medicament", "x", "debut", "2026-01-02", "fin", "2026-01-01")))
                .isEqualTo(ProfileException.Reason.END_BEFORE_START);
        assertThat(reason(ProfileSection.HOSPITALISATIONS, Map.of("etablissement", "CHU", "entree", "2026-01-02", "sortie", "2026-01-01")))
                .isEqualTo(ProfileException.Reason.END_BEFORE_START);
        assertThat(reason(ProfileSection.VACCINATIONS, Map.of("vaccin", "XYZ", "date", "2020-01-01")))
                .isEqualTo(ProfileException.Reason.UNKNOWN_VACCINE);
        assertThat(reason(ProfileSection.VACCINATIONS, Map.of("vaccin", "AUTRE", "date", "2020-01-01")))
                .isEqualTo(ProfileException.Reason.UNKNOWN_VACCINE);
        assertThat(reason(ProfileSection.ENTOURAGE, Map.of("type", "AIDANT", "nom", "Jean", "telephone", "06 12")))
                .isEqualTo(ProfileException.Reason.INVALID_PHONE);
        assertThat(reason(ProfileSection.ADVANCE_DIRECTIVES, Map.of("documentId", "doc-2"))).isEqualTo(ProfileException.Reason.UNKNOWN_DOCUMENT);
    }

    @Test
    void a_treatment_may_end_in_the_future_and_a_phone_is_kept_as_digits_and_a_free_vaccine_is_kept() {
        assertThat(checks.check(ProfileSection.TREATMENTS, Map.of("medicament", "Ventoline", "debut", "2026-01-01", "fin", "2027-01-01")))
                .containsEntry("fin", "2027-01-01");
        assertThat(checks.check(ProfileSection.ENTOURAGE, Map.of("type", "AIDANT", "nom", "Jean", "telephone", "06 12 34 56 78")))
                .containsEntry("telephone", "0612345678");
        assertThat(checks.check(ProfileSection.VACCINATIONS, Map.of("vaccin", "AUTRE", "vaccinLibre", "Leptospirose", "date", "2020-01-01")))
                .containsEntry("vaccin", "AUTRE").containsEntry("vaccinLibre", "Leptospirose");
    }

    private ProfileException.Reason reason(ProfileSection section, Map<String, String> typed) {
        try {
            checks.check(section, typed);
        } catch (ProfileException e) {
            return e.reason();
        }
        throw new AssertionError("accepted: " + typed);
    }

    private static String sample(SectionField field) {
        return switch (field.type()) {
            case LINE, PARAGRAPH -> "Texte";
            case DATE, PAST_DATE -> "2020-01-01";
            case CHOICE -> field.choices().get(0).code();
            case VACCINE -> Vaccine.ROR.code();
            case DOCUMENT -> "doc-1";
            case PHONE -> "0612345678";
        };
    }
}
