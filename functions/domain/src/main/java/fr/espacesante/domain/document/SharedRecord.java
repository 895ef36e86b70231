package fr.espacesante.domain.document;

import fr.espacesante.domain.error.DomainException.Kind;
import fr.espacesante.domain.text.TypedText;

import fr.espacesante.domain.access.AccessDecision;
import fr.espacesante.domain.access.AccessPolicy;
import fr.espacesante.domain.access.AccessRefusedException;
import fr.espacesante.domain.access.AccessRequest;
import fr.espacesante.domain.access.AccessRequest.Action;
import fr.espacesante.domain.access.Actor;
import fr.espacesante.domain.access.Resource;
import fr.espacesante.domain.access.SpaceAccessGuard;
import fr.espacesante.domain.document.port.out.DocumentCatalog;
import fr.espacesante.domain.document.port.out.DocumentStorage;
import fr.espacesante.domain.space.port.out.Spaces;
import fr.espacesante.domain.space.RecentSpaces;
import fr.espacesante.domain.space.Space;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

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
    private static final int MAX_DECISION_ATTEMPTS = 5;
    /**
     * Independent DynamoDB round trips of one request run side by side: the page of documents and the
     * recorded decision; the pending document and the recorded decision.
     */
    /** Runs one storage call alongside another (the adapters' choice: virtual threads on Lambda). */
    private final Executor parallel;

    /** A deposit accepted: the document id and where to PUT its bytes. */
    public record UploadGrant(Document document, DocumentStorage.UploadTicket ticket) {
    }

    private final RecentSpaces recent;
    private final DocumentCatalog catalog;
    private final DocumentStorage storage;
    private final SpaceAccessGuard guard;
    private final AccessPolicy policy;
    private final Clock clock;

    public SharedRecord(Spaces spaces, DocumentCatalog catalog, DocumentStorage storage, SpaceAccessGuard guard,
                        AccessPolicy policy, Clock clock, Executor parallel) {
        this.parallel = parallel;
        this.catalog = catalog;
        this.storage = storage;
        this.guard = guard;
        this.policy = policy;
        this.clock = clock;
        this.recent = new RecentSpaces(spaces);
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
            throw new InvalidDocumentException(Kind.FORBIDDEN, "AUTEUR_SEULEMENT", "Seul l'auteur d'un document peut le remplacer.");
        }
        return deposit(author, spaceKey, request, Optional.of(documentId));
    }

    private UploadGrant deposit(Actor actor, String spaceKey, DepositRequest request, Optional<String> replaces) {
        DocumentType type = DocumentType.fromMediaType(request.contentType()).orElseThrow(() -> new InvalidDocumentException(Kind.INVALID,
                "TYPE_NON_ACCEPTE", "Type de document non accepté : PDF, JPEG, PNG, texte, CDA R2 (XML) ou FHIR (JSON)."));
        if (request.size() < 1 || request.size() > MAX_SIZE) {
            throw new InvalidDocumentException(Kind.INVALID, "TAILLE_INVALIDE", "La taille déclarée doit être comprise entre 1 octet et 20 Mio.");
        }
        String title = TypedText.line(request.title(), "titre", MAX_TITLE);
        if (request.careDate() == null || request.careDate().isAfter(clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(1))) {
            throw new InvalidDocumentException(Kind.INVALID, "DATE_INVALIDE", "La date des soins est obligatoire et ne peut pas être future.");
        }
        Author author = switch (actor) {
            case Actor.Professional p -> new Author(Author.Kind.PROFESSIONAL, p.rpps(), p.name(), p.profession());
            case Actor.Patient p -> Author.patient();
            case Actor.LegalRepresentative p -> Author.patient();
            // The patient's own document, added for them: its author line names who wrote it.
            case Actor.Caregiver c -> new Author(Author.Kind.PATIENT, null, c.name() + ", aidant", null);
            case Actor.Operator o -> new Author(Author.Kind.PATIENT, null, null, null);
            case Actor.Service s -> new Author(Author.Kind.PATIENT, null, s.name(), null);
        };
        if (author.kind() == Author.Kind.PATIENT && request.heldBack()) {
            throw new InvalidDocumentException(Kind.FORBIDDEN, "RETENUE_RESERVEE", "Seul un professionnel peut retenir un document jusqu'à la consultation d'annonce.");
        }
        Document document = new Document(spaceKey, newId(), request.category(), request.loincCode(), request.careDate(),
                author, title, type, request.size(), DocumentStatus.PENDING, Optional.empty(), Optional.empty(),
                request.heldBack(), false, request.hiddenFromRepresentatives(), clock.instant(), replaces);
        Function<Space, AccessRequest> access = s -> new AccessRequest(actor, s.access(), document.asResource(),
                Action.ADD, Optional.empty());
        // Likely allowed: the pending entry is written while the decision is recorded, and the URL
        // leaves only once both are stored. A pending entry whose decision ends refused (or whose
        // history write fails) is never given a URL and expires on its own.
        boolean likelyAllowed = policy.decide(access.apply(recent.lastSeen(spaceKey))).allowed();
        CompletableFuture<Void> pending = likelyAllowed
                ? CompletableFuture.runAsync(() -> catalog.createPending(document), parallel)
                : CompletableFuture.completedFuture(null);
        try {
            decided(spaceKey, access, document.documentId());
        } finally {
            await(pending);
        }
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
        // The page is read while the decision is recorded: nothing of it leaves before that.
        CompletableFuture<DocumentCatalog.Page> listed = CompletableFuture.supplyAsync(
                () -> catalog.list(spaceKey, filter, limit, cursor), parallel);
        Resource wholeSpace = Resource.of(Resource.Kind.SPACE);
        Function<Space, AccessRequest> listing = s -> {
            AccessRequest readSpace = new AccessRequest(actor, s.access(), wholeSpace, Action.READ, emergencyJustification);
            if (policy.decide(readSpace).allowed() || !(actor instanceof Actor.Professional p)) {
                return readSpace;
            }
            // A professional without access to the space still lists the documents they authored
            // ("a document's author always sees it"); the history says under which rule.
            boolean authored = visible(await(listed), actor, s, emergencyJustification).stream()
                    .anyMatch(d -> p.rpps().equals(d.author().rpps()));
            return authored ? new AccessRequest(actor, s.access(), Resource.document(p.rpps(), false, false, false),
                    Action.READ, emergencyJustification) : readSpace;
        };
        Space space = decided(spaceKey, listing, "liste-documents");
        DocumentCatalog.Page page = await(listed);
        return new DocumentCatalog.Page(visible(page, actor, space, emergencyJustification), page.cursor());
    }

    public URI downloadUrl(Actor actor, String spaceKey, String documentId) {
        return downloadUrl(actor, spaceKey, documentId, Optional.empty());
    }

    public URI downloadUrl(Actor actor, String spaceKey, String documentId, Optional<String> emergencyJustification) {
        Document document = available(spaceKey, documentId);
        decided(spaceKey, s -> new AccessRequest(actor, s.access(), document.asResource(), Action.READ,
                emergencyJustification), documentId);
        return storage.presignDownload(document.checkedKey(), document.title(), URL_VALIDITY);
    }

    /**
     * One document's description and status. Its uploader sees it in every state (pending, rejected
     * with the reason); others only once available and if the policy lets them read it.
     */
    public Document describe(Actor actor, String spaceKey, String documentId) {
        Document document = catalog.find(spaceKey, documentId).filter(d -> d.status() != DocumentStatus.DELETED)
                .orElseThrow(() -> new InvalidDocumentException(Kind.NOT_FOUND, "DOCUMENT_INCONNU", "Aucun document ne porte cet identifiant."));
        boolean uploader = switch (actor) {
            case Actor.Professional p -> document.author().kind() == Author.Kind.PROFESSIONAL
                    && p.identityVerified() && p.rpps().equals(document.author().rpps());
            case Actor.Patient p -> document.author().kind() == Author.Kind.PATIENT && p.personKey().equals(spaceKey);
            default -> false;
        };
        if (!uploader && document.status() != DocumentStatus.AVAILABLE) {
            throw new InvalidDocumentException(Kind.NOT_FOUND, "DOCUMENT_INCONNU", "Aucun document ne porte cet identifiant.");
        }
        decided(spaceKey, s -> new AccessRequest(actor, s.access(), document.asResource(), Action.READ, Optional.empty()),
                documentId);
        return document;
    }

    /** The author releases a held-back document once it has been discussed with the patient. */
    public void release(Actor.Professional author, String spaceKey, String documentId) {
        Document document = available(spaceKey, documentId);
        decided(spaceKey, s -> new AccessRequest(author, s.access(), document.asResource(), Action.WRITE, Optional.empty()),
                documentId);
        if (!author.rpps().equals(document.author().rpps())) {
            throw new InvalidDocumentException(Kind.FORBIDDEN, "AUTEUR_SEULEMENT", "Seul l'auteur du document peut le libérer.");
        }
        catalog.setHeldBack(document, false);
    }

    /** The patient hides (or shows again) a document from professionals. */
    public void hide(Actor patient, String spaceKey, String documentId, boolean hidden) {
        Document document = available(spaceKey, documentId);
        patientOnly(patient, spaceKey, document);
        catalog.setHiddenByPatient(document, hidden);
    }

    /** The patient deletes a document from their space: its bytes are deleted, the deletion is in the history. */
    public void delete(Actor patient, String spaceKey, String documentId) {
        Document document = available(spaceKey, documentId);
        patientOnly(patient, spaceKey, document);
        if (catalog.changeStatus(document, DocumentStatus.AVAILABLE, DocumentStatus.DELETED)) {
            storage.delete(document.checkedKey());
        }
    }

    private void patientOnly(Actor actor, String spaceKey, Document document) {
        decided(spaceKey, s -> new AccessRequest(actor, s.access(), document.asResource(), Action.WRITE, Optional.empty()),
                document.documentId());
        if (!(actor instanceof Actor.Patient) && !(actor instanceof Actor.LegalRepresentative)) {
            throw new InvalidDocumentException(Kind.FORBIDDEN, "PATIENT_SEULEMENT", "Seul le patient peut masquer ou supprimer un document.");
        }
    }

    private Document available(String spaceKey, String documentId) {
        return catalog.find(spaceKey, documentId).filter(d -> d.status() == DocumentStatus.AVAILABLE)
                .orElseThrow(() -> new InvalidDocumentException(Kind.NOT_FOUND, "DOCUMENT_INCONNU", "Aucun document disponible ne porte cet identifiant."));
    }

    /** The page's documents this actor may see in the space as decided. */
    private List<Document> visible(DocumentCatalog.Page page, Actor actor, Space space, Optional<String> emergencyJustification) {
        return page.documents().stream()
                .filter(d -> policy.decide(new AccessRequest(actor, space.access(), d.asResource(), Action.READ,
                        emergencyJustification)).allowed())
                .toList();
    }

    /**
     * Decides on the space as this instance last saw it, and records the decision on the condition
     * that the space is still at that version (one write, no read in the usual case); when the space
     * has changed — a professional just blocked, a consent revoked — reads it again and decides again.
     *
     * @return the space the recorded decision was taken on
     * @throws AccessRefusedException when the recorded decision is a refusal
     */
    private Space decided(String spaceKey, Function<Space, AccessRequest> request, String resourceId) {
        Space space = recent.lastSeen(spaceKey);
        for (int attempt = 1; ; attempt++) {
            Optional<AccessDecision> decision = guard.checkIfSpaceAt(request.apply(space), resourceId, space.version());
            if (decision.isPresent()) {
                if (!decision.get().allowed()) {
                    throw new AccessRefusedException(decision.get());
                }
                return space;
            }
            if (attempt == MAX_DECISION_ATTEMPTS) {
                throw new IllegalStateException("the space kept changing while its access decision was recorded");
            }
            space = recent.current(spaceKey);
        }
    }

    /** The result of a read or write run alongside another, with its own exception if it failed. */
    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
