package fr.espacesante.domain.person;

import java.util.Optional;

/** What a later import may update: where the person lives and how to write to them. */
public record ContactDetails(String department, PostalAddress address, Optional<String> email) {
}
