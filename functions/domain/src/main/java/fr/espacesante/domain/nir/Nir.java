package fr.espacesante.domain.nir;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A validated NIR (numéro d'inscription au répertoire), 13 characters and a 2-digit key.
 *
 * <p>{@link #toString()} never reveals the number: a NIR must not reach a log line by accident.
 */
public final class Nir {

    private final String value;

    private Nir(String value) {
        this.value = value;
    }

    /**
     * Parses and checks a NIR. Spaces are ignored and letters upper-cased (2a → 2A).
     *
     * @throws InvalidNirException with a French reason when the number is not a plausible NIR
     */
    public static Nir parse(String raw) {
        return new Nir(NirRules.check(raw));
    }

    /** The 15 characters, for hashing and sealing only. */
    public String digits() {
        return value;
    }

    /** Checks that a declared birth date agrees with the year and month carried by the number. */
    public void checkBirthDate(LocalDate birthDate) {
        NirRules.checkBirthDate(value, birthDate);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Nir nir && nir.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "Nir[masqué]";
    }
}
