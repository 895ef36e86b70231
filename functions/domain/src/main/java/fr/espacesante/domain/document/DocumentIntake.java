package fr.espacesante.domain.document;

import fr.espacesante.domain.document.port.out.DocumentCatalog;
import fr.espacesante.domain.document.port.out.DocumentStorage;
import fr.espacesante.domain.mail.port.out.Mailer;
import fr.espacesante.domain.space.port.out.Spaces;
import fr.espacesante.domain.space.PatientNotices;
import fr.espacesante.domain.space.Space;
import java.util.Optional;

/**
 * After an upload (S3 event): the bytes are checked before the document becomes visible — real type
 * sniffed from the bytes and compared with the declared one, size within the limit and equal to the
 * declared size, SHA-256 recorded. Anything else is deleted and the document marked rejected with a
 * French reason the uploader sees. The patient is told a document arrived — never what it is.
 */
public final class DocumentIntake {

    /** DISCARDED: bytes written to the upload key of a document already checked, removed unread. */
    public enum Outcome { AVAILABLE, REJECTED, IGNORED, DISCARDED }

    private final DocumentCatalog catalog;
    private final DocumentStorage storage;
    private final Spaces spaces;
    private final Mailer mailer;
    private final PatientNotices notices;

    private final fr.espacesante.domain.messaging.port.out.AttachmentChecks attachments;

    /** @param attachments told when a message's file is checked, so that the message goes out or is refused */
    public DocumentIntake(DocumentCatalog catalog, DocumentStorage storage, Spaces spaces, Mailer mailer,
                          PatientNotices notices, fr.espacesante.domain.messaging.port.out.AttachmentChecks attachments) {
        this.attachments = attachments;
        this.catalog = catalog;
        this.storage = storage;
        this.spaces = spaces;
        this.mailer = mailer;
        this.notices = notices;
    }

    /** @param objectKey {@code documents/<space key>/<document id>} */
    public Outcome received(String objectKey) {
        String[] parts = objectKey.split("/");
        Optional<Document> known = parts.length == 3 && parts[0].equals("documents")
                ? catalog.find(parts[1], parts[2]) : Optional.empty();
        if (known.isEmpty()) {
            // Bytes no record awaits (e.g. an upload URL used after its space was purged): erased, unread.
            if (parts.length == 3 && parts[0].equals("documents")) {
                storage.erase(objectKey);
            }
            return Outcome.IGNORED;
        }
        Document document = known.get();
        if (document.status() != DocumentStatus.PENDING) {
            // The upload URL used again after the check (or a replayed event): those bytes are never
            // served — downloads read the checked copy — and are removed.
            storage.delete(objectKey);
            return Outcome.DISCARDED;
        }
        DocumentStorage.Inspection inspection = storage.inspect(objectKey);
        Optional<String> refusal = refusal(document, inspection);
        if (refusal.isEmpty() && !storage.keepChecked(objectKey, document.checkedKey(), inspection)) {
            refusal = Optional.of("fichier modifié pendant sa vérification : déposez-le à nouveau");
        }
        if (refusal.isPresent()) {
            storage.delete(objectKey);
            if (catalog.markRejected(document, refusal.get()) && document.category() == DocumentCategory.ATTACHMENT) {
                attachments.checked(document, refusal);
            }
            return Outcome.REJECTED;
        }
        boolean available = catalog.markAvailable(document, inspection.sha256());
        if (available && document.category() == DocumentCategory.ATTACHMENT) {
            // A message's file: the message goes out now (its own notice), no « new document » e-mail.
            attachments.checked(document, Optional.empty());
        } else if (available) {
            // A new version: the one it replaces leaves the listings, and stays in the record.
            document.replaces().flatMap(old -> catalog.find(document.spaceKey(), old))
                    .ifPresent(old -> catalog.changeStatus(old, DocumentStatus.AVAILABLE, DocumentStatus.REPLACED));
            tellPatient(document);
        }
        return Outcome.AVAILABLE;
    }

    static Optional<String> refusal(Document document, DocumentStorage.Inspection inspection) {
        if (inspection.size() > SharedRecord.MAX_SIZE) {
            return Optional.of("fichier trop volumineux (20 Mio au plus)");
        }
        if (inspection.size() != document.declaredSize()) {
            return Optional.of("taille reçue différente de la taille déclarée");
        }
        if (inspection.sniffedType().isEmpty()) {
            return Optional.of("contenu non reconnu : seuls PDF, JPEG, PNG, texte, CDA R2 et FHIR JSON sont acceptés");
        }
        if (inspection.sniffedType().get() != document.declaredType()) {
            return Optional.of("le contenu ne correspond pas au type déclaré (" + document.declaredType().mediaType()
                    + ") : " + inspection.sniffedType().get().mediaType());
        }
        return Optional.empty();
    }

    /**
     * The space's own address, and for a minor the parent acting for them — unless the document is
     * hidden from the legal representatives: even its arrival is then not theirs to know.
     */
    private void tellPatient(Document document) {
        if (document.author().kind() != Author.Kind.PROFESSIONAL || document.heldBack()) {
            return;
        }
        Optional<Space> space = spaces.find(document.spaceKey());
        Optional<String> own = space.filter(s -> s.preferences().newDocuments()).flatMap(Space::email);
        own.ifPresent(email -> mailer.send(notices.newDocument(email)));
        if (space.isEmpty() || document.hiddenFromRepresentatives()) {
            return;
        }
        for (String parentKey : space.get().access().legalRepresentatives()) {
            spaces.find(parentKey).filter(s -> s.preferences().newDocuments()).flatMap(Space::email)
                    .filter(email -> !own.equals(Optional.of(email)))
                    .ifPresent(email -> mailer.send(notices.newDocumentForChild(email)));
        }
    }
}
