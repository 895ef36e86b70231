package fr.espacesante.domain.document;

import java.util.Arrays;
import java.util.Optional;

/** The content types a space accepts (PRODUCT.md); anything else is refused. */
public enum DocumentType {
    PDF("application/pdf"),
    JPEG("image/jpeg"),
    PNG("image/png"),
    TEXT("text/plain"),
    CDA_R2("application/hl7-cda+xml"),
    FHIR_JSON("application/fhir+json");

    private final String mediaType;

    DocumentType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<DocumentType> fromMediaType(String mediaType) {
        String bare = mediaType == null ? "" : mediaType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.mediaType.equals(bare)).findFirst();
    }
}
