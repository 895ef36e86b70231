package fr.espacesante.domain.nir;

import java.math.BigInteger;
import java.time.LocalDate;

/**
 * The INSEE rules this service accepts for a NIR. Layout, position by position:
 *
 * <pre>
 * S AA MM LL OOO KKK CC
 * │ │  │  │  │   │   └ key: 97 − (the 13 first characters as a number mod 97), Corsica 2A → 19, 2B → 18
 * │ │  │  │  │   └──── birth order number in the commune: 001–999
 * │ │  │  │  └──────── commune (INSEE code, 001–990) or, born abroad (LL = 99), country code 001–990
 * │ │  │  └─────────── birth département as it was in force at the birth: 01–95, 2A, 2B (born 1976 or
 * │ │  │               later), 20 (born before 1976), 91–94 (Algeria) 95 (Morocco) 96 (Tunisia) before
 * │ │  │               independence, 97x/98x overseas (three characters, the commune then has 2 digits),
 * │ │  │               99 abroad
 * │ │  └────────────── birth month: 01–12; 20–42 and 50–99 when the month was unknown (registered
 * │ │                  from incomplete civil status), any birth month then being coherent
 * │ └───────────────── last two digits of the birth year
 * └─────────────────── 1 man, 2 woman (temporary numbers 7/8 — NIA — are not NIRs and are refused)
 * </pre>
 */
final class NirRules {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);
    /**
     * Overseas codes of INSEE's official geography (COG): 971 Guadeloupe, 972 Martinique, 973 Guyane,
     * 974 La Réunion, 975 Saint-Pierre-et-Miquelon, 976 Mayotte, 977 Saint-Barthélemy, 978 Saint-Martin;
     * 984 Terres australes et antarctiques françaises, 986 Wallis-et-Futuna, 987 Polynésie française,
     * 988 Nouvelle-Calédonie, 989 Clipperton. A NIR carries the code in force at the birth, then a
     * two-digit commune (service-public.fr, « Que signifie le numéro de sécurité sociale ? »; insee.fr,
     * « Code officiel géographique », collectivités d'outre-mer).
     */
    private static final java.util.Set<String> OVERSEAS = java.util.Set.of("971", "972", "973", "974", "975", "976", "977", "978",
            "984", "986", "987", "988", "989");
    private static final int CORSICA_SPLIT_YEAR = 1976;

    private NirRules() {
    }

    static String check(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidNirException("NIR absent");
        }
        String nir = raw.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (nir.length() != 15) {
            throw new InvalidNirException("NIR de longueur incorrecte : 15 caractères attendus, " + nir.length() + " reçus");
        }
        String department = nir.substring(5, 7);
        boolean corsica = department.equals("2A") || department.equals("2B");
        for (int i = 0; i < 15; i++) {
            boolean corsicaLetter = corsica && i == 6;
            if (!corsicaLetter && !isAsciiDigit(nir.charAt(i))) {
                throw new InvalidNirException("NIR invalide : caractère non numérique en position " + (i + 1));
            }
        }
        char sex = nir.charAt(0);
        if (sex != '1' && sex != '2') {
            throw new InvalidNirException("NIR invalide : le premier chiffre (sexe) doit être 1 ou 2");
        }
        int month = Integer.parseInt(nir.substring(3, 5));
        if (!plausibleMonth(month)) {
            throw new InvalidNirException("NIR invalide : mois de naissance " + nir.substring(3, 5) + " impossible");
        }
        checkPlace(nir, department);
        if (Integer.parseInt(nir.substring(10, 13)) == 0) {
            throw new InvalidNirException("NIR invalide : numéro d'ordre 000 impossible");
        }
        int expectedKey = key(nir.substring(0, 13));
        int key = Integer.parseInt(nir.substring(13, 15));
        if (key != expectedKey) {
            throw new InvalidNirException("NIR invalide : la clé de contrôle ne correspond pas");
        }
        return nir;
    }

    static void checkBirthDate(String nir, LocalDate birthDate) {
        int yy = Integer.parseInt(nir.substring(1, 3));
        if (birthDate.getYear() % 100 != yy) {
            throw new InvalidNirException("date de naissance incohérente avec le NIR (année)");
        }
        int month = Integer.parseInt(nir.substring(3, 5));
        if (month <= 12 && birthDate.getMonthValue() != month) {
            throw new InvalidNirException("date de naissance incohérente avec le NIR (mois)");
        }
        String department = nir.substring(5, 7);
        boolean corsicaSplit = department.equals("2A") || department.equals("2B");
        if (corsicaSplit && birthDate.getYear() < CORSICA_SPLIT_YEAR) {
            throw new InvalidNirException("date de naissance incohérente avec le NIR (2A/2B n'existent que depuis 1976)");
        }
        if (department.equals("20") && birthDate.getYear() >= CORSICA_SPLIT_YEAR) {
            throw new InvalidNirException("date de naissance incohérente avec le NIR (département 20 avant 1976 seulement)");
        }
    }

    /** key = 97 − (n mod 97), with 2A counted as 19 and 2B as 18 in the number. */
    static int key(String first13) {
        String numeric = first13.replace("2A", "19").replace("2B", "18");
        return 97 - new BigInteger(numeric).mod(NINETY_SEVEN).intValue();
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean plausibleMonth(int month) {
        return (month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50;
    }

    private static void checkPlace(String nir, String department) {
        if (department.equals("2A") || department.equals("2B")) {
            requireCommune(nir.substring(7, 10));
            return;
        }
        int dep = Integer.parseInt(department);
        if (dep == 0) {
            throw new InvalidNirException("NIR invalide : département de naissance " + department + " inconnu");
        }
        // 91–94, 95 and 96 are also Algeria, Morocco and Tunisia before their independence (the code in
        // force at the birth): every 01–96 is a place of birth with a three-digit commune.
        if (dep == 97 || dep == 98) {
            String overseas = nir.substring(5, 8);
            if (!OVERSEAS.contains(overseas)) {
                throw new InvalidNirException("NIR invalide : collectivité d'outre-mer " + overseas + " inconnue");
            }
            if (Integer.parseInt(nir.substring(8, 10)) == 0) {
                throw new InvalidNirException("NIR invalide : commune de naissance 00 impossible");
            }
            return;
        }
        requireCommune(nir.substring(7, 10));
    }

    private static void requireCommune(String commune) {
        int code = Integer.parseInt(commune);
        if (code == 0 || code > 990) {
            throw new InvalidNirException("NIR invalide : code de commune ou de pays " + commune + " impossible");
        }
    }
}
