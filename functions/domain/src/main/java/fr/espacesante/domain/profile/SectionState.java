package fr.espacesante.domain.profile;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A section of one space's profile as stored: its entries (one at most for a single section),
 * whether it was declared « non concerné » and since when, and its version for concurrent writers.
 */
public record SectionState(ProfileSection section, List<ProfileEntry> entries, Optional<LocalDate> notConcernedSince,
                           long version) {

    public SectionState {
        entries = List.copyOf(entries);
    }

    public static SectionState empty(ProfileSection section) {
        return new SectionState(section, List.of(), Optional.empty(), 0);
    }
}
