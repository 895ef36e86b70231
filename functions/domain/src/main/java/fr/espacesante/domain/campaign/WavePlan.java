package fr.espacesante.domain.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What an operator asks for: the départements (or all not yet notified), a start date, the rates,
 * an optional end date. {@link #validated} says in French what is wrong.
 */
public record WavePlan(List<String> departments, boolean allNotYetNotified, LocalDate startDate,
                       Optional<LocalDate> endDate, int perDay, int perMinute) {

    /** A national service sends at most this many notifications a minute per wave (SES quota-sized). */
    public static final int MAX_PER_MINUTE = 60_000;

    public WavePlan validated(LocalDate today) {
        if (allNotYetNotified == !departments.isEmpty()) {
            throw new InvalidWavePlanException("Indiquez soit des départements, soit « tous les non notifiés ».");
        }
        for (String department : departments) {
            if (!Departments.exists(department)) {
                throw new InvalidWavePlanException("Département « " + department + " » inconnu.");
            }
        }
        if (startDate == null || startDate.isBefore(today)) {
            throw new InvalidWavePlanException("La date de début doit être aujourd'hui ou plus tard.");
        }
        if (endDate.isPresent() && endDate.get().isBefore(startDate)) {
            throw new InvalidWavePlanException("La date de fin doit suivre la date de début.");
        }
        if (perMinute < 1 || perMinute > MAX_PER_MINUTE) {
            throw new InvalidWavePlanException("Le débit par minute doit être entre 1 et " + MAX_PER_MINUTE + ".");
        }
        if (perDay < perMinute) {
            throw new InvalidWavePlanException("Le débit par jour doit être au moins égal au débit par minute.");
        }
        List<String> ordered = allNotYetNotified ? Departments.ALL
                : departments.stream().distinct().sorted(Departments.ORDER).toList();
        return new WavePlan(ordered, allNotYetNotified, startDate, endDate, perDay, perMinute);
    }
}
