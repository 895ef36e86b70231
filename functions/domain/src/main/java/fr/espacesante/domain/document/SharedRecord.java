package fr.espacesante.domain.document;

import fr.espacesante.domain.access.AccessDecision;
import fr.espacesante.domain.access.AccessPolicy;
import fr.espacesante.domain.access.AccessRefusedException;
import fr.espacesante.domain.access.AccessRequest;
import fr.espacesante.domain.access.AccessRequest.Action;
import fr.espacesante.domain.access.Actor;
import fr.espacesante.domain.access.Resource;
import fr.espacesante.domain.access.SpaceAccessGuard;
import fr.espacesante.domain.port.out.DocumentCatalog;
import fr.espacesante.domain.port.out.DocumentStorage;
import fr.espacesante.domain.port.out.Spaces;
import fr.espacesante.domain.space.Space;
import fr.espacesante.domain.space.SpaceNotFoundException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The shared medical record (PRODUCT.md, "What a space holds"): deposit through a pre-signed upload,
 * list and download under the access policy, hold back and release, hide, delete. Every listing,
 * download and change is decided by the policy and recorded in the access history.
 */
public final class SharedRecord {

    /** Short-lived pre-signed requests: 5 minutes. */
    public static final Duration URL_VALIDITY = Duration.ofMinutes(5);
    /** The largest document a space accepts: 20 MiB (a scanned report, a few images). */
    public static final long MAX_SIZE = 20L * 1024 * 1024;
    private static final int MAX_TITLE = 200;

    /** A deposit accepted: the document id and where to PUT its bytes. */
    public record UploadGrant(Document document, DocumentStorage.UploadTicket ticket) {
    }

    private final Spaces spaces;
    private final DocumentCatalog catalog;
    private final DocumentStorage storage;
    private final SpaceAccessGuard guard;
    private final AccessPolicy policy;
    private final Clock clock;

    public SharedRecord(Spaces spaces, DocumentCatalog catalog, DocumentStorage storage, SpaceAccessGuard guard,
                        AccessPolicy policy, Clock clock) {
        this.spaces = spaces;
        this.catalog = catalog;
        this.storage = storage;
        this.guard = guard;
        this.policy = policy;
        this.clock = clock;
    }

    public UploadGrant requestUpload(Actor actor, String spaceKey, DepositRequest request) {
        return deposit(actor, spaceKey, request, Optional.empty());
    }

    /**
     * A new version of a document, by its author: once the new bytes are checked, the old version
     * leaves the listings (status REPLACED) but stays in the record.
     */
    public UploadGrant requestReplacement(Actor.Professional author, String spaceKey, String documentId,
                                          DepositRequest request) {
        Document old = available(spaceKey, documentId);
        if (!author.identityVerified() || !author.rpps().equals(old.author().rpps())) {
            throw new InvalidDocumentException("AUTEUR_SEULEMENT", "Seul l'auteur d'un document peut le remplacer.");
        }
        return deposit(author, spaceKey, request, Optional.of(documentId));
    }

    private UploadGrant deposit(Actor actor, String spaceKey, DepositRequest request, Optional<String> replaces) {
        DocumentType type = DocumentType.fromMediaType(request.contentType()).orElseThrow(() -> new InvalidDocumentException(
                "TYPE_NON_ACCEPTE", "Type de document non accepté : PDF, JPEG, PNG, texte, CDA R2 (XML) ou FHIR (JSON)."));
        if (request.size() < 1 || request.size() > MAX_SIZE) {
            throw new InvalidDocumentException("TAILLE_INVALIDE", "La taille déclarée doit être comprise entre 1 octet et 20 Mio.");
        }
        String title = request.title() == null ? "" : request.title().strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw new InvalidDocumentException("TITRE_INVALIDE", "Le titre est obligatoire (200 caractères au plus).");
        }
        if (request.careDate() == null || request.careDate().isAfter(clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(1))) {
            throw new InvalidDocumentException("DATE_INVALIDE", "La date des soins est obligatoire et ne peut pas être future.");
        }
        Author author = switch (actor) {
            case Actor.Professional p -> new Author(Author.Kind.PROFESSIONAL, p.rpps(), p.name(), p.profession());
            case Actor.Patient p -> Author.patient();
            case Actor.LegalRepresentative p -> Author.patient();
            case Actor.Operator o -> new Author(Author.Kind.PATIENT, null, null, null);
        };
        if (author.kind() == Author.Kind.PATIENT && request.heldBack()) {
            throw new InvalidDocumentException("RETENUE_RESERVEE", "Seul un professionnel peut retenir un document jusqu'à la consultation d'annonce.");
        }
        Space space = spaces.find(spaceKey).orElseThrow(SpaceNotFoundException::new);
        Document document = new Document(spaceKey, newId(), request.category(), request.loincCode(), request.careDate(),
                author, title, type, request.size(), DocumentStatus.PENDING, Optional.empty(), Optional.empty(),
                request.heldBack(), false, request.hiddenFromRepresentatives(), clock.instant(), replaces);
        allowed(actor, space, document.asResource(), Action.WRITE, document.documentId());
        catalog.createPending(document);
        return new UploadGrant(document, storage.presignUpload(document.objectKey(), type, request.size(), URL_VALIDITY));
    }

    /** The documents this actor may see, newest first; the listing itself is one entry of the history. */
    public DocumentCatalog.Page list(Actor actor, String spaceKey, DocumentCatalog.Filter filter, int limit,
                                     Optional<String> cursor) {
        return list(actor, spaceKey, filter, limit, cursor, Optional.empty());
    }

    /**
     * @param emergencyJustification the written justification of a professional reading in an emergency
     *        (bris de glace): the policy then decides under its emergency rule
     */
    public DocumentCatalog.Page list(Actor actor, String spaceKey, DocumentCatalog.Filter filter, int limit,
                                     Optional<String> cursor, Optional<String> emergencyJustification) {
        Space space = spaces.find(spaceKey).orElseThrow(SpaceNotFoundException::new);
        Resource wholeSpace = Resource.of(Resource.Kind.SPACE);
        boolean opensSpace = policy.decide(new AccessRequest(actor, space.access(), wholeSpace, Action.READ,
                emergencyJustification)).allowed();
        DocumentCatalog.Page page = catalog.list(spaceKey, filter, limit, cursor);
        List<Document> visible = page.documents().stream()
                .filter(d -> policy.decide(new AccessRequest(actor, space.access(), d.asResource(), Action.READ,
                        emergencyJustification)).allowed())
                .toList();
        // A professional without access to the space still lists the documents they authored
        // ("a document's author always sees it"); the history says under which rule.
        boolean authorOnly = !opensSpace && actor instanceof Actor.Professional p && visible.stream()
                .anyMatch(d -> p.rpps().equals(d.author().rpps()));
        Resource recorded = authorOnly && actor instanceof Actor.Professional p
                ? Resource.document(p.rpps(), false, false, false) : wholeSpace;
        allowed(actor, space, recorded, Action.READ, "liste-documents", emergencyJustification);
        return new DocumentCatalog.Page(visible, page.cursor());
    }

    public URI downloadUrl(Actor actor, String spaceKey, String documentId) {
        return downloadUrl(actor, spaceKey, documentId, Optional.empty());
    }

    public URI downloadUrl(Actor actor, String spaceKey, String documentId, Optional<String> emergencyJustification) {
        Space space = spaces.find(spaceKey).orElseThrow(SpaceNotFoundException::new);
        Document document = available(spaceKey, documentId);
        allowed(actor, space, document.asResource(), Action.READ, documentId, emergencyJustification);
        return storage.presignDownload(document.objectKey(), document.title(), URL_VALIDITY);
    }

    /**
     * One document's description and status. Its uploader sees it in every state (pending, rejected
     * with the reason); others only once available and if the policy lets them read it.
     */
    public Document describe(Actor actor, String spaceKey, String documentId) {
        Space space = spaces.find(spaceKey).orElseThrow(SpaceNotFoundException::new);
        Document document = catalog.find(spaceKey, documentId).filter(d -> d.status() != DocumentStatus.DELETED)
                .orElseThrow(() -> new InvalidDocumentException("DOCUMENT_INCONNU", "Aucun document ne porte cet identifiant."));
        boolean uploader = switch (actor) {
            case Actor.Professional p -> document.author().kind() == Author.Kind.PROFESSIONAL
                    && p.identityVerified() && p.rpps().equals(document.author().rpps());
            case Actor.Patient p -> document.author().kind() == Author.Kind.PATIENT && p.personKey().equals(spaceKey);
            default -> false;
        };
        if (!uploader && document.status() != DocumentStatus.AVAILABLE) {
            throw new InvalidDocumentException("DOCUMENT_INCONNU", "Aucun document ne porte cet identifiant.");
        }
        allowed(actor, space, document.asResource(), Action.READ, documentId);
        return document;
    }

    /** The author releases a held-back document once it has been discussed with the patient. */
    public void release(Actor.Professional author, String spaceKey, String documentId) {
        Space space = spaces.find(spaceKey).orElseThrow(SpaceNotFoundException::new);
        Document document = available(spaceKey, documentId);
        allowed(author, space, document.asResource(), Action.WRITE, documentId);
        if (!author.rpps().equals(document.author().rpps())) {
            throw new InvalidDocumentException("AUTEUR_SEULEMENT", "Seul l'auteur du document peut le libérer.");
        }
        catalog.setHeldBack(document, false);
    }

    /** The patient hides (or shows again) a document from professionals. */
    public void hide(Actor patient, String spaceKey, String documentId, boolean hidden) {
        Space space = spaces.find(spaceKey).orElseThrow(SpaceNotFoundException::new);
        Document document = available(spaceKey, documentId);
        patientOnly(patient, space, document);
        catalog.setHiddenByPatient(document, hidden);
    }

    /** The patient deletes a document from their space: its bytes are deleted, the deletion is in the history. */
    public void delete(Actor patient, String spaceKey, String documentId) {
        Space space = spaces.find(spaceKey).orElseThrow(SpaceNotFoundException::new);
        Document document = available(spaceKey, documentId);
        patientOnly(patient, space, document);
        if (catalog.changeStatus(document, DocumentStatus.AVAILABLE, DocumentStatus.DELETED)) {
            storage.delete(document.objectKey());
        }
    }

    private void patientOnly(Actor actor, Space space, Document document) {
        allowed(actor, space, document.asResource(), Action.WRITE, document.documentId());
        if (!(actor instanceof Actor.Patient) && !(actor instanceof Actor.LegalRepresentative)) {
            throw new InvalidDocumentException("PATIENT_SEULEMENT", "Seul le patient peut masquer ou supprimer un document.");
        }
    }

    private Document available(String spaceKey, String documentId) {
        return catalog.find(spaceKey, documentId).filter(d -> d.status() == DocumentStatus.AVAILABLE)
                .orElseThrow(() -> new InvalidDocumentException("DOCUMENT_INCONNU", "Aucun document disponible ne porte cet identifiant."));
    }

    private void allowed(Actor actor, Space space, Resource resource, Action action, String resourceId) {
        allowed(actor, space, resource, action, resourceId, Optional.empty());
    }

    private void allowed(Actor actor, Space space, Resource resource, Action action, String resourceId,
                         Optional<String> emergencyJustification) {
        AccessDecision decision = guard.check(new AccessRequest(actor, space.access(), resource, action,
                emergencyJustification), resourceId);
        if (!decision.allowed()) {
            throw new AccessRefusedException(decision);
        }
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
