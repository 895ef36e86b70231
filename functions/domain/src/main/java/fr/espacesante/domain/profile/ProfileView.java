package fr.espacesante.domain.profile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The profile as its reader may see it: every section (absent ones as empty), the last value of
 * each measurement, the BMI derived from the last weight and height, and which sections the patient
 * hid from professionals (a professional's view simply lacks those they may not read).
 */
public record ProfileView(Map<ProfileSection, SectionState> sections, Map<MeasurementType, Measurement> latest,
                          Optional<BigDecimal> bmi, Set<ProfileSection> hiddenFromProfessionals) {

    public ProfileView {
        sections = Map.copyOf(sections);
        latest = Map.copyOf(latest);
        hiddenFromProfessionals = Set.copyOf(hiddenFromProfessionals);
    }

    static ProfileView of(fr.espacesante.domain.profile.port.out.ProfileBook.Contents contents, Set<ProfileSection> readable) {
        Map<ProfileSection, SectionState> sections = new EnumMap<>(ProfileSection.class);
        for (ProfileSection section : readable) {
            sections.put(section, contents.sections().getOrDefault(section, SectionState.empty(section)));
        }
        return new ProfileView(sections, contents.latest(), bmi(contents.latest()), contents.hiddenFromProfessionals());
    }

    /** weight / height², kg/m², one decimal: from the last values of each. */
    static Optional<BigDecimal> bmi(Map<MeasurementType, Measurement> latest) {
        Measurement weight = latest.get(MeasurementType.WEIGHT);
        Measurement height = latest.get(MeasurementType.HEIGHT);
        if (weight == null || height == null) {
            return Optional.empty();
        }
        BigDecimal metres = height.value().movePointLeft(2);
        return Optional.of(weight.value().divide(metres.multiply(metres), 1, RoundingMode.HALF_UP));
    }
}
