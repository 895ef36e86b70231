package fr.espacesante.domain.person;

import java.util.Optional;

/** The sex the registry states (first digit of the NIR: 1 man, 2 woman), for the prevention calendar only. */
public enum Sex {
    MALE, FEMALE;

    /** From the NIR's first digit; empty for any other digit. */
    public static Optional<Sex> ofNirDigit(char digit) {
        return switch (digit) {
            case '1' -> Optional.of(MALE);
            case '2' -> Optional.of(FEMALE);
            default -> Optional.empty();
        };
    }
}
