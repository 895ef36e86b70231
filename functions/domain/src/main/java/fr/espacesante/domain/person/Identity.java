package fr.espacesante.domain.person;

import java.time.LocalDate;

/** Civil identity as the registry states it; never changed by a later import. */
public record Identity(String lastName, String firstNames, LocalDate birthDate) {
}
