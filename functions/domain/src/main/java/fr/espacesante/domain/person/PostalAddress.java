package fr.espacesante.domain.person;

/** A French postal address as printed in a window envelope: street line(s), postcode, town. */
public record PostalAddress(String street, String postcode, String town) {
}
