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
    OTHER("autre"),
    /** A file carried by a message: in the space, not listed among the documents until the patient saves it. */
    ATTACHMENT("piece-jointe");

    private final String id;

    DocumentCategory(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** A category someone may choose (never {@link #ATTACHMENT}, which only messages make). */
    public static Optional<DocumentCategory> fromId(String id) {
        return fromStored(id).filter(c -> c != ATTACHMENT);
    }

    public static Optional<DocumentCategory> fromStored(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
