package fr.espacesante.documents;

import fr.espacesante.aws.http.ApiError;
import fr.espacesante.aws.http.ApiRequest;
import fr.espacesante.aws.http.ApiResponse;
import fr.espacesante.aws.http.Caller.Citizen;
import fr.espacesante.aws.http.Caller.Professional;
import fr.espacesante.aws.http.Callers;
import fr.espacesante.aws.http.Fields;
import fr.espacesante.aws.http.HttpFunction;
import fr.espacesante.domain.access.AccessRequest;
import fr.espacesante.domain.document.Author;
import fr.espacesante.domain.document.DepositRequest;
import fr.espacesante.domain.document.Document;
import fr.espacesante.domain.document.DocumentCategory;
import fr.espacesante.domain.document.SharedRecord;
import fr.espacesante.domain.family.Representation;
import fr.espacesante.domain.nir.Nir;
import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.domain.document.port.out.DocumentCatalog;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The shared medical record's API. Patients (citizen token) under {@code /espace/documents};
 * professionals (Pro Santé Connect token) under {@code /pro/documents}, the patient's INS in the body
 * (and, in an emergency setting, {@code justificationUrgence} to read under the emergency rule).
 * Bytes never pass here: uploads and downloads are pre-signed S3 requests valid 5 minutes.
 */
final class DocumentsRoutes {

    static final String PATIENT_DEPOSIT = "POST /espace/documents";
    static final String PATIENT_LIST = "GET /espace/documents";
    static final String PATIENT_ONE = "GET /espace/documents/{documentId}";
    static final String PATIENT_DOWNLOAD = "GET /espace/documents/{documentId}/telechargement";
    static final String PATIENT_HIDE = "PUT /espace/documents/{documentId}/masquage";
    static final String PATIENT_DELETE = "DELETE /espace/documents/{documentId}";
    static final String PRO_DEPOSIT = "POST /pro/documents";
    static final String PRO_SEARCH = "POST /pro/documents/recherche";
    static final String PRO_ONE = "POST /pro/documents/statut";
    static final String PRO_DOWNLOAD = "POST /pro/documents/telechargement";
    static final String PRO_RELEASE = "POST /pro/documents/liberation";
    static final String PRO_REPLACE = "POST /pro/documents/remplacement";

    private static final Pattern DOCUMENT_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern LOINC = Pattern.compile("[0-9]{1,7}-[0-9]");
    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 100;
    private static final int MAX_CURSOR = 4096;

    private final SharedRecord record;
    private final Representation representation;
    private final NirProtection nirProtection;

    DocumentsRoutes(SharedRecord record, Representation representation, NirProtection nirProtection) {
        this.record = record;
        this.representation = representation;
        this.nirProtection = nirProtection;
    }

    HttpFunction routes(Callers callers) {
        return new HttpFunction(callers)
                .on(PATIENT_DEPOSIT, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    return ApiResponse.created(Grant.of(record.requestUpload(acting.actor(), acting.spaceKey(),
                            deposit(request.jsonBody()))));
                })
                .on(PATIENT_LIST, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    return ApiResponse.ok(DocumentPage.of(record.list(acting.actor(), acting.spaceKey(),
                            filter(request.query("categorie"), request.query("du"), request.query("au")),
                            Fields.limit(request.query("limite"), DEFAULT_PAGE, MAX_PAGE), request.query("curseur"))));
                })
                .on(PATIENT_ONE, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    return ApiResponse.ok(DocumentView.of(record.describe(acting.actor(), acting.spaceKey(), documentId(request))));
                })
                .on(PATIENT_DOWNLOAD, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    return ApiResponse.ok(Download.of(record.downloadUrl(acting.actor(), acting.spaceKey(), documentId(request))));
                })
                .on(PATIENT_HIDE, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    String documentId = documentId(request);
                    record.hide(acting.actor(), acting.spaceKey(), documentId, Fields.bool(request.jsonBody(), "masque"));
                    return ApiResponse.ok(DocumentView.of(record.describe(acting.actor(), acting.spaceKey(), documentId)));
                })
                .on(PATIENT_DELETE, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    record.delete(acting.actor(), acting.spaceKey(), documentId(request));
                    return ApiResponse.ok(new Deleted(true));
                })
                .on(PRO_DEPOSIT, Professional.class, (pro, request) -> {
                    JsonNode body = request.jsonBody();
                    return ApiResponse.created(Grant.of(record.requestUpload(pro.actor(), patientSpace(body), deposit(body))));
                })
                .on(PRO_SEARCH, Professional.class, (pro, request) -> {
                    JsonNode body = request.jsonBody();
                    String spaceKey = patientSpace(body);
                    return ApiResponse.ok(DocumentPage.of(record.list(pro.actor(), spaceKey,
                            filter(Fields.optionalText(body, "categorie", 64), Fields.optionalText(body, "du", 10),
                                    Fields.optionalText(body, "au", 10)),
                            Fields.limit(body, DEFAULT_PAGE, MAX_PAGE),
                            Fields.optionalText(body, "curseur", MAX_CURSOR), justification(body))));
                })
                .on(PRO_ONE, Professional.class, (pro, request) -> {
                    JsonNode body = request.jsonBody();
                    return ApiResponse.ok(DocumentView.of(record.describe(pro.actor(), patientSpace(body), documentId(body))));
                })
                .on(PRO_DOWNLOAD, Professional.class, (pro, request) -> {
                    JsonNode body = request.jsonBody();
                    return ApiResponse.ok(Download.of(record.downloadUrl(pro.actor(), patientSpace(body), documentId(body),
                            justification(body))));
                })
                .on(PRO_REPLACE, Professional.class, (pro, request) -> {
                    JsonNode body = request.jsonBody();
                    return ApiResponse.created(Grant.of(record.requestReplacement(pro.actor(), patientSpace(body),
                            documentId(body), deposit(body))));
                })
                .on(PRO_RELEASE, Professional.class, (pro, request) -> {
                    JsonNode body = request.jsonBody();
                    String spaceKey = patientSpace(body);
                    String documentId = documentId(body);
                    record.release(pro.actor(), spaceKey, documentId);
                    return ApiResponse.ok(DocumentView.of(record.describe(pro.actor(), spaceKey, documentId)));
                });
    }

    /** A parent acts in a child's space with ?enfant=reference; otherwise everyone acts in their own. */
    private Representation.Acting acting(Citizen citizen, ApiRequest request) {
        return representation.actingIn(citizen.subject(), Fields.childReference(request),
                Fields.helpedReference(request));
    }

    private String patientSpace(JsonNode body) {
        return nirProtection.lookupKey(Nir.parse(Fields.text(body, "ins", 30)));
    }

    private static String documentId(ApiRequest request) {
        return Fields.identifier(request.pathParameter("documentId"), "documentId", DOCUMENT_ID);
    }

    private static String documentId(JsonNode body) {
        return Fields.identifier(Fields.optionalText(body, "documentId", 64), "documentId", DOCUMENT_ID);
    }

    private static Optional<String> justification(JsonNode body) {
        return Fields.optionalParagraph(body, "justificationUrgence", AccessRequest.MAX_JUSTIFICATION);
    }

    private static DepositRequest deposit(JsonNode body) {
        DocumentCategory category = DocumentCategory.fromId(Fields.text(body, "categorie", 64)).orElseThrow(() ->
                ApiError.invalid("CATEGORIE_INCONNUE", "Catégorie inconnue : ordonnance, biologie, imagerie, "
                        + "compte-rendu-hospitalier, compte-rendu-consultation, vaccination, document-patient ou autre."));
        Optional<String> loinc = Fields.optionalText(body, "codeLoinc", 10);
        if (loinc.isPresent() && !LOINC.matcher(loinc.get()).matches()) {
            throw ApiError.invalid("CODE_LOINC_INVALIDE", "Le code LOINC doit avoir la forme 12345-6.");
        }
        if (body.get("taille") == null || body.get("taille").isNull()) {
            throw ApiError.invalid("TAILLE_INVALIDE", "Le champ « taille » (en octets) est obligatoire.");
        }
        // Any whole number the JSON can hold; the record says which sizes it accepts (TAILLE_INVALIDE).
        long size = Fields.number(body, "taille", Long.MIN_VALUE, Long.MAX_VALUE);
        return new DepositRequest(category, loinc, Fields.date(body, "dateSoins"), Fields.text(body, "titre", 200),
                Fields.text(body, "typeContenu", 100), size,
                Fields.optionalBool(body, "retenuJusquAnnonce").orElse(false),
                Fields.optionalBool(body, "masqueAuxRepresentants").orElse(false));
    }

    private static DocumentCatalog.Filter filter(Optional<String> category, Optional<String> from, Optional<String> to) {
        Optional<DocumentCategory> parsed = category.map(c -> DocumentCategory.fromId(c).orElseThrow(() ->
                ApiError.invalid("CATEGORIE_INCONNUE", "Catégorie inconnue.")));
        Optional<LocalDate> start = from.map(d -> Fields.date(d, "du"));
        Optional<LocalDate> end = to.map(d -> Fields.date(d, "au"));
        Fields.requireOrdered(start, end);
        return new DocumentCatalog.Filter(parsed, start, end);
    }

    record Upload(String methode, String url, Map<String, String> entetes, String expireLe) {
    }

    record Grant(DocumentView document, Upload televersement) {
        static Grant of(SharedRecord.UploadGrant grant) {
            return new Grant(DocumentView.of(grant.document()), new Upload("PUT", grant.ticket().url().toString(),
                    grant.ticket().headers(), grant.ticket().expiresAt().toString()));
        }
    }

    record Download(String url, long valideSecondes) {
        static Download of(java.net.URI url) {
            return new Download(url.toString(), SharedRecord.URL_VALIDITY.toSeconds());
        }
    }

    record Deleted(boolean supprime) {
    }

    record AuthorView(String type, String rpps, String nom, String profession) {
    }

    record DocumentView(String id, String statut, String motifRejet, String categorie, String codeLoinc, String dateSoins,
                        String titre, String typeContenu, long taille, String sha256, AuthorView auteur,
                        boolean retenuJusquAnnonce, boolean masqueParLePatient, boolean masqueAuxRepresentants,
                        String deposeLe, String remplace) {
        static DocumentView of(Document d) {
            return new DocumentView(d.documentId(), d.status().name(), d.rejection().orElse(null), d.category().id(),
                    d.loincCode().orElse(null), d.careDate().toString(), d.title(), d.declaredType().mediaType(),
                    d.declaredSize(), d.sha256().orElse(null),
                    new AuthorView(d.author().kind() == Author.Kind.PATIENT ? "PATIENT" : "PROFESSIONNEL",
                            d.author().rpps(), d.author().name(), d.author().profession()),
                    d.heldBack(), d.hiddenByPatient(), d.hiddenFromRepresentatives(), d.depositedAt().toString(),
                    d.replaces().orElse(null));
        }
    }

    record DocumentPage(List<DocumentView> documents, String suivant) {
        static DocumentPage of(DocumentCatalog.Page page) {
            return new DocumentPage(page.documents().stream().map(DocumentView::of).toList(), page.cursor().orElse(null));
        }
    }
}
