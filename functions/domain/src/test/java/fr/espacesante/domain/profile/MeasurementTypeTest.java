package fr.espacesante.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MeasurementTypeTest {

    /** LOINC codes: digits, a dash, the check digit. */
    private static final Pattern LOINC = Pattern.compile("[0-9]{1,7}-[0-9]");

    @Test
    void every_type_has_a_loinc_code_with_a_valid_check_digit_a_ucum_unit_and_a_sensible_range() {
        Set<String> codes = new HashSet<>();
        for (MeasurementType type : MeasurementType.values()) {
            assertThat(type.loinc()).matches(LOINC);
            assertThat(loincCheckDigitValid(type.loinc())).as(type.loinc()).isTrue();
            assertThat(codes.add(type.loinc())).as("unique " + type.loinc()).isTrue();
            assertThat(type.ucum()).isNotBlank().doesNotContain(" ");
            assertThat(type.min()).isLessThan(type.max());
        }
        assertThat(loincCheckDigitValid(MeasurementType.SYSTOLIC_LOINC)).isTrue();
        assertThat(loincCheckDigitValid(MeasurementType.DIASTOLIC_LOINC)).isTrue();
    }

    @Test
    void the_bmi_is_the_last_weight_over_the_last_height_squared_with_one_decimal() {
        Map<MeasurementType, Measurement> latest = Map.of(
                MeasurementType.WEIGHT, value(MeasurementType.WEIGHT, "72.5"), MeasurementType.HEIGHT, value(MeasurementType.HEIGHT, "175"));
        assertThat(ProfileView.bmi(latest)).contains(new BigDecimal("23.7"));
        assertThat(ProfileView.bmi(Map.of(MeasurementType.WEIGHT, value(MeasurementType.WEIGHT, "72.5")))).isEmpty();
    }

    @Test
    void measurement_ids_sort_by_the_time_taken() {
        String earlier = Measurement.newId(Instant.parse("2026-01-02T08:00:00.123Z"), "ffffffff");
        String later = Measurement.newId(Instant.parse("2026-01-02T08:00:01Z"), "00000000");
        assertThat(earlier).isEqualTo("20260102T080000Z-ffffffff").isLessThan(later);
    }

    private static Measurement value(MeasurementType type, String value) {
        return new Measurement("k", type, "id", Instant.EPOCH, new BigDecimal(value), Optional.empty(), Instant.EPOCH, "patient");
    }

    /** LOINC's mod-10 check digit (Luhn-like, from the right, doubling the odd positions). */
    private static boolean loincCheckDigitValid(String loinc) {
        String[] parts = loinc.split("-");
        String digits = parts[0];
        int sum = 0;
        boolean doubled = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                d = d / 10 + d % 10;
            }
            sum += d;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10 == Integer.parseInt(parts[1]);
    }
}
