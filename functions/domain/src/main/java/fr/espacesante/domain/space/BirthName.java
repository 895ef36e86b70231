package fr.espacesante.domain.space;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Compares names as people type them: accents, case, hyphens, apostrophes and extra spaces do not
 * matter ("Lefèvre-d'Ornano" = "LEFEVRE D ORNANO"), and ligatures count as their letters.
 */
public final class BirthName {

    private BirthName() {
    }

    public static String normalise(String name) {
        String decomposed = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return decomposed.toUpperCase(Locale.ROOT)
                .replace("Œ", "OE").replace("Æ", "AE").replace("ß", "SS")
                .replaceAll("[\\-'’‘`\\s]+", " ")
                .strip();
    }

    public static boolean matches(String typed, String onRecord) {
        String normalised = normalise(typed);
        return !normalised.isEmpty() && normalised.equals(normalise(onRecord));
    }
}
