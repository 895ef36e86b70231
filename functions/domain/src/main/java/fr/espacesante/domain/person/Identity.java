package fr.espacesante.domain.person;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Civil identity as the registry states it; never changed by a later import.
 *
 * @param sex from the NIR's first digit; empty for a person imported before it was kept
 */
public record Identity(String lastName, String firstNames, LocalDate birthDate, Optional<Sex> sex) {

    public Identity(String lastName, String firstNames, LocalDate birthDate) {
        this(lastName, firstNames, birthDate, Optional.empty());
    }
}
