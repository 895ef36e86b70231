package fr.espacesante.aws.http;

import fr.espacesante.domain.text.TypedText;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reading what a caller sent — body fields, path and query parameters — with the type, range and
 * length each one must have. Every wrong value is a 400 with a French message naming the field;
 * nothing the caller sent is echoed back.
 */
public final class Fields {

    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern CHILD_REFERENCE = Pattern.compile("[0-9a-f]{20}");
    private static final Pattern HELPED_REFERENCE = Pattern.compile("[0-9a-f]{24}");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    /** Dates of this service's world: births, care, waves. */
    private static final LocalDate EARLIEST = LocalDate.of(1890, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2200, 12, 31);

    private Fields() {
    }

    /** A required single-line text field: printable, at most {@code maxLength} characters. */
    public static String text(JsonNode body, String field, int maxLength) {
        return TypedText.line(rawText(body, field).orElse(null), field, maxLength);
    }

    public static Optional<String> optionalText(JsonNode body, String field, int maxLength) {
        return rawText(body, field).filter(v -> !v.isBlank()).map(v -> TypedText.line(v, field, maxLength));
    }

    /** A required text where line breaks are allowed (a justification, a message). */
    public static String paragraph(JsonNode body, String field, int maxLength) {
        return TypedText.paragraph(rawText(body, field).orElse(null), field, maxLength);
    }

    public static Optional<String> optionalParagraph(JsonNode body, String field, int maxLength) {
        return rawText(body, field).filter(v -> !v.isBlank()).map(v -> TypedText.paragraph(v, field, maxLength));
    }

    public static boolean bool(JsonNode body, String field) {
        return optionalBool(body, field).orElseThrow(() ->
                ApiError.invalid("CHAMP_MANQUANT", "Le champ « " + field + " » doit valoir true ou false."));
    }

    /** Absent or null → empty; anything but true or false is refused, not read as false. */
    public static Optional<Boolean> optionalBool(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw ApiError.invalid("CHAMP_INVALIDE", "Le champ « " + field + " » doit valoir true ou false.");
        }
        return Optional.of(value.asBoolean());
    }

    /** A whole number from {@code min} to {@code max}; decimals, text and out-of-range values are refused. */
    public static long number(JsonNode body, String field, long min, long max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ApiError.invalid("CHAMP_MANQUANT", "Le champ « " + field + " » est obligatoire.");
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            throw ApiError.invalid("NOMBRE_INVALIDE",
                    "Le champ « " + field + " » doit être un nombre entier entre " + min + " et " + max + ".");
        }
        return value.asLong();
    }

    /** A date {@code AAAA-MM-JJ} between 1890 and 2200. */
    public static LocalDate date(String text, String field) {
        if (text != null && text.length() == 10 && ISO_DATE.matcher(text).matches()) {
            try {
                LocalDate date = LocalDate.parse(text);
                if (!date.isBefore(EARLIEST) && !date.isAfter(LATEST)) {
                    return date;
                }
            } catch (DateTimeParseException e) {
                // Answered below.
            }
        }
        throw ApiError.invalid("DATE_INVALIDE", "Le champ « " + field + " » doit être une date valide au format AAAA-MM-JJ.");
    }

    public static LocalDate date(JsonNode body, String field) {
        return date(rawText(body, field).orElse(null), field);
    }

    /** A period {@code du}–{@code au}; its end may not come before its start. */
    public static void requireOrdered(Optional<LocalDate> from, Optional<LocalDate> to) {
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw ApiError.invalid("PERIODE_INVALIDE", "La date « du » doit précéder la date « au ».");
        }
    }

    /** An e-mail address a message can really be sent to. */
    public static Optional<String> optionalEmail(JsonNode body, String field) {
        Optional<String> email = optionalText(body, field, 254);
        if (email.isPresent() && !EMAIL.matcher(email.get()).matches()) {
            throw ApiError.invalid("EMAIL_INVALIDE", "L'adresse e-mail n'est pas valide.");
        }
        return email;
    }

    /** A page size: absent → {@code byDefault}; otherwise a whole number from 1 to {@code max}. */
    public static int limit(Optional<String> raw, int byDefault, int max) {
        if (raw.isEmpty()) {
            return byDefault;
        }
        String text = raw.get().strip();
        if (text.matches("[0-9]{1,4}")) {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        }
        throw ApiError.invalid("LIMITE_INVALIDE", "Le paramètre « limite » doit être un entier entre 1 et " + max + ".");
    }

    /** The page size of a body: a JSON number (or its text) from 1 to {@code max}. */
    public static int limit(JsonNode body, int byDefault, int max) {
        JsonNode value = body.get("limite");
        if (value == null || value.isNull()) {
            return byDefault;
        }
        // A whole number or its text; anything else (a decimal, a list…) reads as nothing, which is refused.
        return limit(Optional.of(value.isIntegralNumber() || value.isString() ? value.asString() : ""), byDefault, max);
    }

    /**
     * An identifier the caller names (in the path, the query or the body): it must have its known
     * shape, which also keeps it far below DynamoDB's key size limits.
     */
    public static String identifier(Optional<String> raw, String field, Pattern shape) {
        String value = raw.map(String::strip).orElse("");
        if (value.isEmpty()) {
            throw ApiError.invalid("CHAMP_MANQUANT", "Le champ « " + field + " » est obligatoire.");
        }
        if (value.length() > 200 || !shape.matcher(value).matches()) {
            throw ApiError.invalid("IDENTIFIANT_INVALIDE", "L'identifiant « " + field + " » n'est pas valide.");
        }
        return value;
    }

    /** A child's reference ({@code ?enfant=}, 20 hex digits) when a parent acts in a child's space. */
    public static Optional<String> childReference(ApiRequest request) {
        return request.query("enfant").isPresent()
                ? Optional.of(identifier(request.query("enfant"), "enfant", CHILD_REFERENCE))
                : Optional.empty();
    }

    /** {@code ?aide=}: a person the signed-in caregiver helps, as {@code GET /espace/aides} names them. */
    public static Optional<String> helpedReference(ApiRequest request) {
        return request.query("aide").isPresent()
                ? Optional.of(identifier(request.query("aide"), "aide", HELPED_REFERENCE))
                : Optional.empty();
    }

    public static Pattern helpedReferenceShape() {
        return HELPED_REFERENCE;
    }

    private static Optional<String> rawText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw ApiError.invalid("CHAMP_INVALIDE", "Le champ « " + field + " » doit être un texte.");
        }
        return Optional.of(value.asString());
    }
}
