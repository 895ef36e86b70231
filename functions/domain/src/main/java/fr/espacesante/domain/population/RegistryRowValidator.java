package fr.espacesante.domain.population;

import static fr.espacesante.domain.population.RegistryColumns.BIRTH_DATE;
import static fr.espacesante.domain.population.RegistryColumns.DEPARTMENT;
import static fr.espacesante.domain.population.RegistryColumns.EMAIL;
import static fr.espacesante.domain.population.RegistryColumns.FIRST_NAMES;
import static fr.espacesante.domain.population.RegistryColumns.LAST_NAME;
import static fr.espacesante.domain.population.RegistryColumns.NIR;
import static fr.espacesante.domain.population.RegistryColumns.POSTCODE;
import static fr.espacesante.domain.population.RegistryColumns.STREET;
import static fr.espacesante.domain.population.RegistryColumns.TOWN;

import fr.espacesante.domain.nir.InvalidNirException;
import fr.espacesante.domain.nir.Nir;
import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.domain.person.ContactDetails;
import fr.espacesante.domain.person.Identity;
import fr.espacesante.domain.person.PostalAddress;
import fr.espacesante.domain.person.RegistryPerson;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Turns a registry line into a person to store, or says in French why it cannot be. */
public final class RegistryRowValidator {

    /** Metropolitan départements, Corsica's two, and the overseas départements. */
    static final Set<String> DEPARTMENTS = Stream.concat(
                    IntStream.rangeClosed(1, 95).filter(d -> d != 20).mapToObj(d -> String.format("%02d", d)),
                    Stream.of("2A", "2B", "971", "972", "973", "974", "976"))
            .collect(Collectors.toUnmodifiableSet());

    private static final Pattern POSTCODE_PATTERN = Pattern.compile("\\d{5}");
    private static final Pattern EMAIL_PATTERN = Pattern.compile("[^@\\s;]+@[^@\\s;]+\\.[^@\\s;]+");
    private static final int MAX_TEXT = 200;
    private static final LocalDate OLDEST_BIRTH = LocalDate.of(1890, 1, 1);

    private final NirProtection nirProtection;
    private final Clock clock;

    public RegistryRowValidator(NirProtection nirProtection, Clock clock) {
        this.nirProtection = nirProtection;
        this.clock = clock;
    }

    public RegistryPerson validate(RegistryRow row) {
        if (row.fieldCount() != RegistryColumns.ALL.size()) {
            throw new RowRejectedException("nombre de colonnes incorrect : " + RegistryColumns.ALL.size()
                    + " attendues, " + row.fieldCount() + " trouvées");
        }
        Nir nir;
        try {
            nir = Nir.parse(row.field(NIR));
        } catch (InvalidNirException e) {
            throw new RowRejectedException(e.getMessage());
        }
        String lastName = requiredText(row, LAST_NAME, "nom");
        String firstNames = requiredText(row, FIRST_NAMES, "prénoms");
        LocalDate birthDate = birthDate(row.field(BIRTH_DATE));
        try {
            nir.checkBirthDate(birthDate);
        } catch (InvalidNirException e) {
            throw new RowRejectedException(e.getMessage());
        }
        String department = row.field(DEPARTMENT).toUpperCase(java.util.Locale.ROOT);
        if (department.isEmpty()) {
            throw new RowRejectedException("département absent");
        }
        if (!DEPARTMENTS.contains(department)) {
            throw new RowRejectedException("département « " + department + " » inconnu");
        }
        String street = requiredText(row, STREET, "adresse");
        String postcode = row.field(POSTCODE);
        if (!POSTCODE_PATTERN.matcher(postcode).matches()) {
            throw new RowRejectedException("code postal invalide : 5 chiffres attendus");
        }
        String town = requiredText(row, TOWN, "commune");
        Optional<String> email = email(row.field(EMAIL));

        String personKey = nirProtection.lookupKey(nir);
        return new RegistryPerson(
                personKey,
                nirProtection.seal(nir, personKey),
                new Identity(lastName, firstNames, birthDate, fr.espacesante.domain.person.Sex.ofNirDigit(nir.digits().charAt(0))),
                new ContactDetails(department, new PostalAddress(street, postcode, town), email));
    }

    private static String requiredText(RegistryRow row, String column, String label) {
        String value = row.field(column);
        if (value.isEmpty()) {
            throw new RowRejectedException(label + " absent");
        }
        if (value.length() > MAX_TEXT) {
            throw new RowRejectedException(label + " trop long (" + MAX_TEXT + " caractères au plus)");
        }
        if (value.indexOf('\uFFFD') >= 0 || value.chars().anyMatch(Character::isISOControl)) {
            throw new RowRejectedException(label + " : caractères illisibles (le fichier doit être en UTF-8)");
        }
        return value;
    }

    private LocalDate birthDate(String value) {
        if (value.isEmpty()) {
            throw new RowRejectedException("date de naissance absente");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new RowRejectedException("date de naissance invalide : format AAAA-MM-JJ attendu");
        }
        if (date.isAfter(LocalDate.now(clock)) || date.isBefore(OLDEST_BIRTH)) {
            throw new RowRejectedException("date de naissance invraisemblable");
        }
        return date;
    }

    private static Optional<String> email(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > 254 || !EMAIL_PATTERN.matcher(value).matches()) {
            throw new RowRejectedException("adresse e-mail invalide");
        }
        return Optional.of(value);
    }
}
