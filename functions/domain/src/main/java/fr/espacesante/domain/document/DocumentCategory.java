package fr.espacesante.domain.document;

import java.util.Arrays;
import java.util.Optional;

/** What a document is, as the patient sees it listed; professional software also sends its LOINC type code. */
public enum DocumentCategory {
    PRESCRIPTION("ordonnance"),
    BIOLOGY("biologie"),
    IMAGING("imagerie"),
    HOSPITAL_REPORT("compte-rendu-hospitalier"),
    CONSULTATION_REPORT("compte-rendu-consultation"),
    VACCINATION("vaccination"),
    PATIENT_DOCUMENT("document-patient"),
    OTHER("autre");

    private final String id;

    DocumentCategory(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<DocumentCategory> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
