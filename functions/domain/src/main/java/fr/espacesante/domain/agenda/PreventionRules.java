package fr.espacesante.domain.agenda;

import fr.espacesante.domain.agenda.PreventionRule.Category;
import fr.espacesante.domain.person.Sex;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The prevention calendar's rules, as data: the French vaccination calendar, the organised cancer
 * screenings, the dental check-ups and the 20 mandatory examinations of the child. Computed from age
 * and sex each time, never stored per person; only the status the patient sets is.
 */
public final class PreventionRules {

    /** Ministère de la Santé, « Calendrier des vaccinations et recommandations vaccinales 2025 » (avril 2025). */
    static final String VACCINATION_CALENDAR = "Calendrier des vaccinations et recommandations vaccinales 2025, ministère chargé de la Santé";
    /** INCa (e-cancer.fr), « Le dépistage organisé du cancer du sein »; arrêté du 29 septembre 2006 modifié. */
    static final String BREAST = "Programme national de dépistage organisé du cancer du sein (INCa ; arrêté du 29 septembre 2006 modifié)";
    /** INCa (e-cancer.fr), « Le dépistage organisé du cancer colorectal »; arrêté du 29 septembre 2006 modifié. */
    static final String COLORECTAL = "Programme national de dépistage organisé du cancer colorectal (INCa ; arrêté du 29 septembre 2006 modifié)";
    /** HAS, recommandation de juillet 2019; arrêté du 30 juillet 2020 (programme de dépistage organisé du cancer du col de l'utérus). */
    static final String CERVICAL = "Dépistage organisé du cancer du col de l'utérus (HAS 2019 ; arrêté du 30 juillet 2020)";
    /** Assurance Maladie (ameli.fr), « M'T dents tous les ans » : un examen bucco-dentaire pris en charge chaque année de 3 à 24 ans depuis le 1er avril 2025. */
    static final String DENTAL = "Programme M'T dents tous les ans, de 3 à 24 ans (Assurance Maladie, depuis avril 2025)";
    /** Code de la santé publique, art. R. 2132-1 (décret n° 2019-137 du 26 février 2019) : les 20 examens obligatoires de l'enfant. */
    static final String CHILD = "Code de la santé publique, art. R. 2132-1 (décret n° 2019-137 du 26 février 2019)";

    private static final List<PreventionRule> RULES = rules();

    private PreventionRules() {
    }

    public static List<PreventionRule> all() {
        return RULES;
    }

    private static List<PreventionRule> rules() {
        List<PreventionRule> r = new ArrayList<>();
        // Infants: hexavalent, pneumococcus, meningococci B and ACWY, MMR, rotavirus.
        for (int month : new int[] {2, 4, 11}) {
            r.add(vaccine("hexavalent-" + month + "m", "Diphtérie, tétanos, coqueluche, poliomyélite, Haemophilus b, hépatite B ("
                    + month + " mois)", months(month), months(month + 1)));
            r.add(vaccine("pneumocoque-" + month + "m", "Pneumocoque (" + month + " mois)", months(month), months(month + 1)));
        }
        r.add(vaccine("rotavirus", "Rotavirus (2 ou 3 doses, de 6 semaines à 6 mois)", Period.ofWeeks(6), months(6)));
        for (int month : new int[] {3, 5, 12}) {
            r.add(vaccine("meningocoque-b-" + month + "m", "Méningocoque B (" + month + " mois)", months(month), months(month + 1)));
        }
        r.add(vaccine("meningocoque-acwy-6m", "Méningocoques A, C, W, Y (6 mois)", months(6), months(7)));
        r.add(vaccine("meningocoque-acwy-12m", "Méningocoques A, C, W, Y (12 mois)", months(12), months(13)));
        r.add(vaccine("ror-12m", "Rougeole, oreillons, rubéole (12 mois)", months(12), months(13)));
        r.add(vaccine("ror-16m", "Rougeole, oreillons, rubéole (16 à 18 mois)", months(16), months(18)));
        // Children and teenagers.
        r.add(vaccine("dtcap-6a", "Rappel diphtérie, tétanos, coqueluche, poliomyélite (6 ans)", years(6), years(7)));
        r.add(vaccine("dtcap-11a", "Rappel diphtérie, tétanos, coqueluche, poliomyélite (11 à 13 ans)", years(11), years(14)));
        r.add(vaccine("papillomavirus", "Papillomavirus humains, filles et garçons (2 doses de 11 à 14 ans)", years(11), years(15)));
        r.add(vaccine("meningocoque-acwy-11a", "Méningocoques A, C, W, Y (11 à 14 ans)", years(11), years(15)));
        // Adults: boosters at fixed ages, then every 10 years from 65.
        r.add(vaccine("dtcap-25a", "Rappel diphtérie, tétanos, coqueluche, poliomyélite (25 ans)", years(25), years(26)));
        r.add(vaccine("dtp-45a", "Rappel diphtérie, tétanos, poliomyélite (45 ans)", years(45), years(46)));
        r.add(new PreventionRule("dtp-65a", Category.VACCINATION, "Rappel diphtérie, tétanos, poliomyélite (tous les 10 ans dès 65 ans)",
                Optional.empty(), years(65), years(120), Optional.of(years(10)), VACCINATION_CALENDAR));
        r.add(new PreventionRule("grippe", Category.VACCINATION, "Grippe saisonnière (chaque automne dès 65 ans)", Optional.empty(),
                years(65), years(120), Optional.of(years(1)), VACCINATION_CALENDAR));
        r.add(new PreventionRule("covid-19", Category.VACCINATION, "Covid-19 (chaque automne dès 65 ans)", Optional.empty(),
                years(65), years(120), Optional.of(years(1)), VACCINATION_CALENDAR));
        r.add(vaccine("pneumocoque-65a", "Pneumocoque (dès 65 ans)", years(65), years(66)));
        r.add(vaccine("zona", "Zona (2 doses dès 65 ans)", years(65), years(66)));
        r.add(vaccine("vrs", "Virus respiratoire syncytial (dès 75 ans)", years(75), years(76)));
        // Organised cancer screenings.
        r.add(new PreventionRule("depistage-sein", Category.SCREENING, "Dépistage du cancer du sein (mammographie tous les 2 ans)",
                Optional.of(Sex.FEMALE), years(50), years(75), Optional.of(years(2)), BREAST));
        r.add(new PreventionRule("depistage-colorectal", Category.SCREENING,
                "Dépistage du cancer colorectal (test immunologique tous les 2 ans)", Optional.empty(), years(50), years(75),
                Optional.of(years(2)), COLORECTAL));
        r.add(new PreventionRule("depistage-col-25a", Category.SCREENING,
                "Dépistage du cancer du col de l'utérus (examen cytologique tous les 3 ans, de 25 à 29 ans)", Optional.of(Sex.FEMALE),
                years(25), years(30), Optional.of(years(3)), CERVICAL));
        r.add(new PreventionRule("depistage-col-30a", Category.SCREENING,
                "Dépistage du cancer du col de l'utérus (test HPV tous les 5 ans, de 30 à 65 ans)", Optional.of(Sex.FEMALE),
                years(30), years(66), Optional.of(years(5)), CERVICAL));
        // Dental check-ups.
        r.add(new PreventionRule("mt-dents", Category.DENTAL, "Examen bucco-dentaire M'T dents (chaque année de 3 à 24 ans)",
                Optional.empty(), years(3), years(25), Optional.of(years(1)), DENTAL));
        // The 20 mandatory examinations of the child.
        r.add(child("examen-8j", "Examen des 8 premiers jours", Period.ZERO, Period.ofDays(8)));
        r.add(child("examen-2s", "Examen de la 2e semaine", Period.ofDays(8), Period.ofDays(15)));
        for (int month = 1; month <= 6; month++) {
            r.add(child("examen-" + month + "m", "Examen du " + month + (month == 1 ? "er" : "e") + " mois", months(month),
                    months(month + 1)));
        }
        r.add(child("examen-9m", "Examen du 9e mois", months(8), months(9)));
        r.add(child("examen-12m", "Examen du 12e mois", months(11), months(12)));
        r.add(child("examen-13m", "Examen du 13e mois", months(12), months(13)));
        r.add(child("examen-16m", "Examen entre 16 et 18 mois", months(16), months(18)));
        r.add(child("examen-24m", "Examen du 24e mois", months(23), months(24)));
        for (int year = 3; year <= 6; year++) {
            r.add(child("examen-" + year + "a", "Examen des " + year + " ans", years(year), years(year + 1)));
        }
        r.add(child("examen-8a", "Examen de 8 ou 9 ans", years(8), years(10)));
        r.add(child("examen-11a", "Examen de 11 à 13 ans", years(11), years(14)));
        r.add(child("examen-15a", "Examen de 15 ou 16 ans", years(15), years(17)));
        return List.copyOf(r);
    }

    private static PreventionRule vaccine(String code, String label, Period from, Period until) {
        return new PreventionRule(code, Category.VACCINATION, label, Optional.empty(), from, until, Optional.empty(),
                VACCINATION_CALENDAR);
    }

    private static PreventionRule child(String code, String label, Period from, Period until) {
        return new PreventionRule(code, Category.CHILD_EXAMINATION, label, Optional.empty(), from, until, Optional.empty(), CHILD);
    }

    private static Period months(int months) {
        return Period.ofMonths(months);
    }

    private static Period years(int years) {
        return Period.ofYears(years);
    }
}
