package fr.espacesante.domain.document.port.out;

import fr.espacesante.domain.document.Document;
import fr.espacesante.domain.document.DocumentCategory;
import fr.espacesante.domain.document.DocumentStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What the space knows of its documents. */
public interface DocumentCatalog {

    /** Records a document awaiting its bytes; it disappears by itself if they never come. */
    void createPending(Document document);

    Optional<Document> find(String spaceKey, String documentId);

    /** PENDING → AVAILABLE with the checksum; false when it was not pending any more. */
    boolean markAvailable(Document document, String sha256);

    /** PENDING → REJECTED with a French reason; false when it was not pending any more. */
    boolean markRejected(Document document, String reason);

    /**
     * Files a message's attachment among the space's documents under {@code category}.
     * @return false when it is not an available attachment (already filed)
     */
    boolean file(Document attachment, DocumentCategory category);

    /** Moves a document's status from {@code from} only. @return false otherwise */
    boolean changeStatus(Document document, DocumentStatus from, DocumentStatus to);

    void setHeldBack(Document document, boolean heldBack);

    void setHiddenByPatient(Document document, boolean hidden);

    record Filter(Optional<DocumentCategory> category, Optional<LocalDate> from, Optional<LocalDate> to) {
    }

    record Page(List<Document> documents, Optional<String> cursor) {
    }

    /** AVAILABLE documents of a space by date of care, newest first. */
    Page list(String spaceKey, Filter filter, int limit, Optional<String> cursor);
}
