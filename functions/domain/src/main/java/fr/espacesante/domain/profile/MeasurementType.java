package fr.espacesante.domain.profile;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The measurements a profile follows, each with its LOINC code and UCUM unit (so a connected service
 * reads them as FHIR {@code Observation}s) and the plausible range a typed value must fall in: outside
 * it is a typing error, refused, not a clinical alarm. The ranges cover newborns to adults.
 * Blood pressure is one measurement with two values (systolic, diastolic: LOINC 8480-6 and 8462-4
 * within the panel 85354-9); BMI is derived from the last weight and height, never typed.
 */
public enum MeasurementType {
    WEIGHT("poids", "Poids", "29463-7", "kg", "kg", "0.3", "400", 1),
    HEIGHT("taille", "Taille", "8302-2", "cm", "cm", "20", "260", 1),
    BMI("imc", "Indice de masse corporelle", "39156-5", "kg/m2", "kg/m²", "5", "150", 1),
    BLOOD_PRESSURE("tension", "Tension artérielle", "85354-9", "mm[Hg]", "mmHg", "50", "260", 0),
    HEART_RATE("frequence-cardiaque", "Fréquence cardiaque", "8867-4", "/min", "battements/min", "20", "250", 0),
    RESPIRATORY_RATE("frequence-respiratoire", "Fréquence respiratoire", "9279-1", "/min", "respirations/min", "4", "80", 0),
    TEMPERATURE("temperature", "Température", "8310-5", "Cel", "°C", "30", "45", 1),
    BLOOD_GLUCOSE("glycemie", "Glycémie", "2339-0", "g/L", "g/L", "0.1", "10", 2),
    HBA1C("hba1c", "Hémoglobine glyquée (HbA1c)", "4548-4", "%", "%", "3", "20", 1),
    OXYGEN_SATURATION("saturation-oxygene", "Saturation en oxygène", "59408-5", "%", "%", "50", "100", 0),
    HEAD_CIRCUMFERENCE("perimetre-cranien", "Périmètre crânien", "9843-4", "cm", "cm", "20", "65", 1),
    WAIST_CIRCUMFERENCE("tour-de-taille", "Tour de taille", "8280-0", "cm", "cm", "30", "250", 1),
    STEPS("pas", "Nombre de pas (par jour)", "41950-7", "/d", "pas/jour", "0", "100000", 0),
    PAIN("douleur", "Douleur (échelle de 0 à 10)", "72514-3", "{score}", "/10", "0", "10", 0);

    /** The diastolic pressure's own range, below the systolic. */
    public static final BigDecimal DIASTOLIC_MIN = new BigDecimal("20");
    public static final BigDecimal DIASTOLIC_MAX = new BigDecimal("160");
    public static final String SYSTOLIC_LOINC = "8480-6";
    public static final String DIASTOLIC_LOINC = "8462-4";

    private final String code;
    private final String label;
    private final String loinc;
    private final String ucum;
    private final String unitLabel;
    private final BigDecimal min;
    private final BigDecimal max;
    private final int decimals;

    MeasurementType(String code, String label, String loinc, String ucum, String unitLabel, String min, String max, int decimals) {
        this.code = code;
        this.label = label;
        this.loinc = loinc;
        this.ucum = ucum;
        this.unitLabel = unitLabel;
        this.min = new BigDecimal(min);
        this.max = new BigDecimal(max);
        this.decimals = decimals;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public String loinc() {
        return loinc;
    }

    /** The UCUM code of the unit values are stored in. */
    public String ucum() {
        return ucum;
    }

    /** The unit as a French reader writes it. */
    public String unitLabel() {
        return unitLabel;
    }

    public BigDecimal min() {
        return min;
    }

    public BigDecimal max() {
        return max;
    }

    public int decimals() {
        return decimals;
    }

    public boolean derived() {
        return this == BMI;
    }

    public boolean paired() {
        return this == BLOOD_PRESSURE;
    }

    public boolean childrenOnly() {
        return this == HEAD_CIRCUMFERENCE;
    }

    public static MeasurementType ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst()
                .orElseThrow(() -> new ProfileException(ProfileException.Reason.UNKNOWN_MEASUREMENT));
    }

    public static Optional<MeasurementType> ofLoinc(String loinc) {
        return Arrays.stream(values()).filter(t -> t.loinc.equals(loinc)).findFirst();
    }
}
