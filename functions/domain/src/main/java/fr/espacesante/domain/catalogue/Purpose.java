package fr.espacesante.domain.catalogue;

import java.util.Arrays;
import java.util.Optional;

/** What a patient connects a referenced service for (« finalité »), as « Mon espace santé » asks. */
public enum Purpose {
    PREVENTION("prevention", "Prévention"),
    DIAGNOSIS("diagnostic", "Diagnostic"),
    CARE("soin", "Soin et suivi du parcours de soins"),
    SOCIAL("suivi-social", "Suivi social et médico-social");

    private final String code;
    private final String label;

    Purpose(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<Purpose> ofCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
