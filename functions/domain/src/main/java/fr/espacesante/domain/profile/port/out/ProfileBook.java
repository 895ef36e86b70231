package fr.espacesante.domain.profile.port.out;

import fr.espacesante.domain.profile.Measurement;
import fr.espacesante.domain.profile.MeasurementType;
import fr.espacesante.domain.profile.ProfileSection;
import fr.espacesante.domain.profile.SectionState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A space's medical profile: its sections, its measurement series with the last value of each, what is hidden. */
public interface ProfileBook {

    /** Everything but the series: what the profile page and a professional's read show, in one read. */
    record Contents(Map<ProfileSection, SectionState> sections, Map<MeasurementType, Measurement> latest,
                    Set<ProfileSection> hiddenFromProfessionals) {

        public Contents {
            sections = Map.copyOf(sections);
            latest = Map.copyOf(latest);
            hiddenFromProfessionals = Set.copyOf(hiddenFromProfessionals);
        }
    }

    record SeriesPage(List<Measurement> values, Optional<String> cursor) {
    }

    Contents read(String spaceKey);

    /** The section as stored, or {@link SectionState#empty} at version 0. */
    SectionState section(String spaceKey, ProfileSection section);

    /** Stores the section's new state only if it is still at {@code expectedVersion} (0: never stored). @return false otherwise */
    boolean save(String spaceKey, SectionState state, long expectedVersion);

    /** Adds a value to its series; it becomes the last value unless a later one is already there. */
    void add(Measurement measurement);

    Optional<Measurement> find(String spaceKey, MeasurementType type, String measurementId);

    /** Removes a value; when it was the last one, the one before it becomes the last. */
    void remove(Measurement measurement);

    /** Values taken in [from, to], oldest first. */
    SeriesPage series(String spaceKey, MeasurementType type, Instant from, Instant to, int limit, Optional<String> cursor);

    void hideFromProfessionals(String spaceKey, Set<ProfileSection> sections);
}
