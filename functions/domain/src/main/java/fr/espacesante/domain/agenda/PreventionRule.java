package fr.espacesante.domain.agenda;

import fr.espacesante.domain.person.Sex;
import java.time.Period;
import java.util.Optional;

/**
 * One rule of the prevention calendar: what is due, for whom (sex), from which age until which age,
 * and how often (once if {@code every} is empty). Ages are periods from the birth date.
 *
 * @param source the official text it comes from
 */
public record PreventionRule(String code, Category category, String label, Optional<Sex> sex, Period from, Period until,
                             Optional<Period> every, String source) {

    public enum Category { VACCINATION, SCREENING, DENTAL, CHILD_EXAMINATION }
}
