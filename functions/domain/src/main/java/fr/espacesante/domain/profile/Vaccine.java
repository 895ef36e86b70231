package fr.espacesante.domain.profile;

import java.util.Arrays;
import java.util.Optional;

/**
 * The vaccines a vaccination entry names: those of the French vaccination calendar and of the
 * travel and occupational recommendations (Ministère de la Santé, « Calendrier des vaccinations et
 * recommandations vaccinales 2025 »), plus {@link #OTHER} with its name typed in clear.
 */
public enum Vaccine {
    DTCAP_HIB_HEPB("Diphtérie, tétanos, coqueluche, poliomyélite, Haemophilus influenzae b, hépatite B (hexavalent)"),
    DTCAP("Diphtérie, tétanos, coqueluche, poliomyélite (DTCaP)"),
    DTCAP_RAPPEL("Diphtérie, tétanos, coqueluche, poliomyélite à doses réduites (dTcaP)"),
    DTP("Diphtérie, tétanos, poliomyélite (dTP)"),
    HEPATITE_B("Hépatite B"),
    PNEUMOCOQUE("Pneumocoque"),
    MENINGOCOQUE_B("Méningocoque B"),
    MENINGOCOQUE_ACWY("Méningocoques A, C, W, Y"),
    MENINGOCOQUE_C("Méningocoque C"),
    ROR("Rougeole, oreillons, rubéole (ROR)"),
    PAPILLOMAVIRUS("Papillomavirus humains (HPV)"),
    ROTAVIRUS("Rotavirus"),
    BCG("Tuberculose (BCG)"),
    GRIPPE("Grippe saisonnière"),
    COVID_19("Covid-19"),
    ZONA("Zona"),
    VRS("Virus respiratoire syncytial (VRS)"),
    VARICELLE("Varicelle"),
    HEPATITE_A("Hépatite A"),
    FIEVRE_JAUNE("Fièvre jaune"),
    TYPHOIDE("Fièvre typhoïde"),
    RAGE("Rage"),
    ENCEPHALITE_TIQUES("Encéphalite à tiques"),
    ENCEPHALITE_JAPONAISE("Encéphalite japonaise"),
    MPOX("Mpox"),
    DENGUE("Dengue"),
    CHIKUNGUNYA("Chikungunya"),
    OTHER("Autre vaccin");

    private final String label;

    Vaccine(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The code as the API writes it ({@code AUTRE} for {@link #OTHER}). */
    public String code() {
        return this == OTHER ? "AUTRE" : name();
    }

    public static Optional<Vaccine> ofCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code().equals(code)).findFirst();
    }
}
