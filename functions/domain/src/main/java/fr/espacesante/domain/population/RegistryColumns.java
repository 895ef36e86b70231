package fr.espacesante.domain.population;

import java.util.List;

/** The registry file format (README, "Population import"): UTF-8, ';' separated, a header line. */
public final class RegistryColumns {
    public static final String NIR = "nir";
    public static final String LAST_NAME = "nom";
    public static final String FIRST_NAMES = "prenoms";
    public static final String BIRTH_DATE = "date_naissance";
    public static final String DEPARTMENT = "departement";
    public static final String STREET = "adresse";
    public static final String POSTCODE = "code_postal";
    public static final String TOWN = "commune";
    public static final String EMAIL = "email";

    public static final List<String> ALL =
            List.of(NIR, LAST_NAME, FIRST_NAMES, BIRTH_DATE, DEPARTMENT, STREET, POSTCODE, TOWN, EMAIL);

    private RegistryColumns() {
    }
}
