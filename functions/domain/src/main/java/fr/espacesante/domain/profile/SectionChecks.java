package fr.espacesante.domain.profile;

import fr.espacesante.domain.profile.ProfileException.Reason;
import fr.espacesante.domain.text.TypedText;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks the fields typed for a section against its specification: unknown fields, missing required
 * ones, texts (length, control characters), dates (past ones not in the future nor before birth,
 * an end not before its start), choices, vaccine codes, telephone numbers, documents of the space.
 * A blank optional field is left out.
 */
final class SectionChecks {

    private static final Pattern PHONE = Pattern.compile("0[1-9][0-9]{8}|\\+33[1-9][0-9]{8}");

    private final Optional<LocalDate> birthDate;
    private final LocalDate today;
    private final Predicate<String> availableDocument;

    SectionChecks(Optional<LocalDate> birthDate, LocalDate today, Predicate<String> availableDocument) {
        this.birthDate = birthDate;
        this.today = today;
        this.availableDocument = availableDocument;
    }

    Map<String, String> check(ProfileSection section, Map<String, String> typed) {
        for (String name : typed.keySet()) {
            if (section.field(name).isEmpty()) {
                throw new ProfileException(Reason.UNKNOWN_FIELD);
            }
        }
        Map<String, String> checked = new LinkedHashMap<>();
        for (SectionField field : section.fields()) {
            String value = typed.get(field.name());
            if (value == null || value.isBlank()) {
                if (field.required()) {
                    throw new ProfileException(Reason.MISSING_FIELD);
                }
                continue;
            }
            checked.put(field.name(), value(field, value));
        }
        crossChecks(section, checked);
        return checked;
    }

    private String value(SectionField field, String value) {
        return switch (field.type()) {
            case LINE -> TypedText.line(value, field.name(), field.maxLength()).strip();
            case PARAGRAPH -> TypedText.paragraph(value, field.name(), field.maxLength()).strip();
            case DATE -> date(value, false).toString();
            case PAST_DATE -> date(value, true).toString();
            case CHOICE -> {
                if (!field.allows(value)) {
                    throw new ProfileException(Reason.UNKNOWN_CHOICE);
                }
                yield value;
            }
            case VACCINE -> Vaccine.ofCode(value).orElseThrow(() -> new ProfileException(Reason.UNKNOWN_VACCINE)).code();
            case PHONE -> {
                String digits = value.replaceAll("[ .\\-]", "");
                if (!PHONE.matcher(digits).matches()) {
                    throw new ProfileException(Reason.INVALID_PHONE);
                }
                yield digits;
            }
            case DOCUMENT -> {
                String id = TypedText.line(value, field.name(), 36);
                if (!availableDocument.test(id)) {
                    throw new ProfileException(Reason.UNKNOWN_DOCUMENT);
                }
                yield id;
            }
        };
    }

    private LocalDate date(String value, boolean past) {
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProfileException(Reason.INVALID_DATE);
        }
        if (past && date.isAfter(today)) {
            throw new ProfileException(Reason.FUTURE_DATE);
        }
        if (birthDate.isPresent() && date.isBefore(birthDate.get())) {
            throw new ProfileException(Reason.BEFORE_BIRTH);
        }
        return date;
    }

    private static void crossChecks(ProfileSection section, Map<String, String> checked) {
        switch (section) {
            case TREATMENTS -> ordered(checked.get("debut"), checked.get("fin"));
            case HOSPITALISATIONS -> ordered(checked.get("entree"), checked.get("sortie"));
            case VACCINATIONS -> {
                if ("AUTRE".equals(checked.get("vaccin")) && !checked.containsKey("vaccinLibre")) {
                    throw new ProfileException(Reason.UNKNOWN_VACCINE);
                }
            }
            default -> {
            }
        }
    }

    private static void ordered(String start, String end) {
        if (start != null && end != null && LocalDate.parse(end).isBefore(LocalDate.parse(start))) {
            throw new ProfileException(Reason.END_BEFORE_START);
        }
    }
}
