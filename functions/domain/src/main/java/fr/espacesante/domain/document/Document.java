package fr.espacesante.domain.document;

import fr.espacesante.domain.access.Resource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A document of the shared medical record (DMP). Its bytes live in the documents bucket under
 * {@code objectKey}; this is what the space knows about it.
 *
 * @param heldBack deposited hidden from the patient until discussed with them (announcement consultation)
 * @param hiddenByPatient hidden by the patient from professionals (its author and the treating doctor still see it)
 * @param hiddenFromRepresentatives a minor's document not shown to the parents
 */
public record Document(String spaceKey, String documentId, DocumentCategory category, Optional<String> loincCode,
                       LocalDate careDate, Author author, String title, DocumentType declaredType, long declaredSize,
                       DocumentStatus status, Optional<String> rejection, Optional<String> sha256, boolean heldBack,
                       boolean hiddenByPatient, boolean hiddenFromRepresentatives, Instant depositedAt,
                       Optional<String> replaces) {

    /** What the access policy decides on. */
    public Resource asResource() {
        return Resource.document(author.rpps(), heldBack, hiddenByPatient, hiddenFromRepresentatives);
    }

    public String objectKey() {
        return objectKey(spaceKey, documentId);
    }

    public static String objectKey(String spaceKey, String documentId) {
        return "documents/" + spaceKey + "/" + documentId;
    }

    /**
     * Where the bytes the intake checked are kept, and the only key downloads are signed for: no
     * upload URL ever names it, so what was checked is what is served, even if the upload URL is
     * used again within its validity.
     */
    public String checkedKey() {
        return "verifies/" + spaceKey + "/" + documentId;
    }

    public Document with(DocumentStatus newStatus) {
        return new Document(spaceKey, documentId, category, loincCode, careDate, author, title, declaredType, declaredSize,
                newStatus, rejection, sha256, heldBack, hiddenByPatient, hiddenFromRepresentatives, depositedAt, replaces);
    }
}
