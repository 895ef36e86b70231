package fr.espacesante.domain.text;

import fr.espacesante.domain.error.DomainException;

/**
 * What a person types (names, titles, justifications, e-mail addresses): printable text of a sensible
 * length. Control characters, invisible format characters (bidi overrides and isolates, zero-width
 * marks), unpaired surrogates and private-use or unassigned code points are refused — they can hide
 * or reorder what a patient or an auditor later reads. Line breaks and tabs only in multi-line text.
 */
public final class TypedText {

    /** A field that breaks those rules; the message names the field in French. */
    public static class InvalidTextException extends DomainException {
        public InvalidTextException(String code, String message) {
            super(Kind.INVALID, code, message);
        }
    }

    private TypedText() {
    }

    /** A required single line of at most {@code maxLength} characters, stripped. */
    public static String line(String value, String field, int maxLength) {
        return check(value, field, maxLength, false);
    }

    /** A required text of at most {@code maxLength} characters where line breaks are allowed, stripped. */
    public static String paragraph(String value, String field, int maxLength) {
        return check(value, field, maxLength, true);
    }

    private static String check(String value, String field, int maxLength, boolean multiline) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw new InvalidTextException("CHAMP_MANQUANT", "Le champ « " + field + " » est obligatoire.");
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw new InvalidTextException("TEXTE_TROP_LONG",
                    "Le champ « " + field + " » dépasse " + maxLength + " caractères.");
        }
        boolean visible = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (!allowed(c)) {
                throw new InvalidTextException("CARACTERES_INTERDITS", "Le champ « " + field
                        + " » contient des caractères invisibles ou de contrôle, qui ne sont pas acceptés.");
            }
            visible |= !Character.isWhitespace(c) && !Character.isSpaceChar(c);
        }
        if (!visible) {
            throw new InvalidTextException("CHAMP_MANQUANT", "Le champ « " + field + " » est obligatoire.");
        }
        return text;
    }

    private static boolean allowed(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
