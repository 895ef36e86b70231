package fr.espacesante.domain.profile;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One field of a profile section, as data: its API name, its French label, what it holds, whether
 * it is required. The web builds its forms from these.
 *
 * @param maxLength for texts
 * @param choices for {@link Type#CHOICE}
 */
public record SectionField(String name, String label, Type type, boolean required, int maxLength, List<Choice> choices) {

    public enum Type {
        /** One line of text. */
        LINE,
        /** Free text over several lines. */
        PARAGRAPH,
        /** A day (AAAA-MM-JJ) that may be in the future (a treatment's planned end). */
        DATE,
        /** A day already past: when something happened. */
        PAST_DATE,
        /** One of {@link #choices()}. */
        CHOICE,
        /** A code of {@link Vaccine}. */
        VACCINE,
        /** The id of an available document of the space. */
        DOCUMENT,
        /** A French telephone number. */
        PHONE
    }

    public record Choice(String code, String label) {
    }

    public boolean allows(String code) {
        return choices.stream().anyMatch(c -> c.code().equals(code));
    }

    /** The label of a stored value: a choice's or a vaccine's label, else the value itself. */
    public String display(String value) {
        if (type == Type.VACCINE) {
            return Vaccine.ofCode(value).map(Vaccine::label).orElse(value);
        }
        Optional<Choice> choice = choices.stream().filter(c -> c.code().equals(value)).findFirst();
        return choice.map(Choice::label).orElse(value);
    }

    static SectionField line(String name, String label, boolean required, int maxLength) {
        return new SectionField(name, label, Type.LINE, required, maxLength, List.of());
    }

    static SectionField paragraph(String name, String label, int maxLength) {
        return new SectionField(name, label, Type.PARAGRAPH, false, maxLength, List.of());
    }

    static SectionField date(String name, String label, boolean required) {
        return new SectionField(name, label, Type.DATE, required, 10, List.of());
    }

    static SectionField pastDate(String name, String label, boolean required) {
        return new SectionField(name, label, Type.PAST_DATE, required, 10, List.of());
    }

    /** @param choices each as {@code "CODE=Label"} */
    static SectionField choice(String name, String label, boolean required, String... choices) {
        return new SectionField(name, label, Type.CHOICE, required, 40, Arrays.stream(choices)
                .map(c -> new Choice(c.substring(0, c.indexOf('=')), c.substring(c.indexOf('=') + 1))).toList());
    }

    static SectionField of(String name, String label, Type type, boolean required) {
        return new SectionField(name, label, type, required, type == Type.DOCUMENT ? 36 : 20, List.of());
    }
}
