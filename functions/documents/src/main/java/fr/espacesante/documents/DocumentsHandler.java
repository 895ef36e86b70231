package fr.espacesante.documents;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import fr.espacesante.aws.http.ApiError;
import fr.espacesante.aws.http.HttpApi;
import fr.espacesante.domain.access.Actor;
import fr.espacesante.domain.document.DepositRequest;
import fr.espacesante.domain.document.Document;
import fr.espacesante.domain.document.DocumentCategory;
import fr.espacesante.domain.document.InvalidDocumentException;
import fr.espacesante.domain.document.SharedRecord;
import fr.espacesante.domain.family.Representation;
import fr.espacesante.domain.nir.Nir;
import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.domain.port.out.DocumentCatalog;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The shared medical record's API. Patients (citizen token) under {@code /espace/documents};
 * professionals (Pro Santé Connect token) under {@code /pro/documents}, the patient's INS in the body
 * (and, in an emergency setting, {@code justificationUrgence} to read under the emergency rule).
 * Bytes never pass here: uploads and downloads are pre-signed S3 requests valid 5 minutes.
 */
public final class DocumentsHandler implements Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

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

    private static final int MAX_PAGE = 100;

    private final SharedRecord record;
    private final Representation representation;
    private final NirProtection nirProtection;
    private final String citizenIssuer;
    private final String professionalIssuer;

    public DocumentsHandler(SharedRecord record, Representation representation, NirProtection nirProtection,
                            String citizenIssuer, String professionalIssuer) {
        this.record = record;
        this.representation = representation;
        this.nirProtection = nirProtection;
        this.citizenIssuer = citizenIssuer;
        this.professionalIssuer = professionalIssuer;
    }

    @Override
    public APIGatewayV2HTTPResponse apply(APIGatewayV2HTTPEvent event) {
        return HttpApi.handle(event, request -> {
            String route = String.valueOf(request.getRouteKey());
            try {
                return route.startsWith("POST /pro/") ? professional(route, request) : patient(route, request);
            } catch (InvalidDocumentException e) {
                int status = "DOCUMENT_INCONNU".equals(e.code()) ? 404 : "AUTEUR_SEULEMENT".equals(e.code())
                        || "PATIENT_SEULEMENT".equals(e.code()) ? 403 : 400;
                throw new ApiError(status, e.code(), e.getMessage());
            }
        });
    }

    private APIGatewayV2HTTPResponse patient(String route, APIGatewayV2HTTPEvent request) {
        HttpApi.requireIssuer(request, citizenIssuer);
        // A parent acts in a child's space with ?enfant=reference; otherwise everyone acts in their own.
        Representation.Acting acting = representation.actingIn(HttpApi.claims(request).getOrDefault("sub", ""),
                HttpApi.queryParameter(request, "enfant"));
        Actor patient = acting.actor();
        String spaceKey = acting.spaceKey();
        String documentId = HttpApi.pathParameter(request, "documentId").orElse("");
        return switch (route) {
            case PATIENT_DEPOSIT -> HttpApi.json(201, grant(record.requestUpload(patient, spaceKey, deposit(HttpApi.body(request)))));
            case PATIENT_LIST -> HttpApi.json(200, page(record.list(patient, spaceKey, filter(
                    HttpApi.queryParameter(request, "categorie"), HttpApi.queryParameter(request, "du"),
                    HttpApi.queryParameter(request, "au")), HttpApi.limit(HttpApi.queryParameter(request, "limite"), 20, MAX_PAGE),
                    HttpApi.queryParameter(request, "curseur"))));
            case PATIENT_ONE -> HttpApi.json(200, view(record.describe(patient, spaceKey, documentId)));
            case PATIENT_DOWNLOAD -> HttpApi.json(200, Map.of("url",
                    record.downloadUrl(patient, spaceKey, documentId).toString(), "valideSecondes", 300));
            case PATIENT_HIDE -> {
                record.hide(patient, spaceKey, documentId, HttpApi.bool(HttpApi.body(request), "masque"));
                yield HttpApi.json(200, view(record.describe(patient, spaceKey, documentId)));
            }
            case PATIENT_DELETE -> {
                record.delete(patient, spaceKey, documentId);
                yield HttpApi.json(200, Map.of("supprime", true));
            }
            default -> throw ApiError.notFound("ROUTE_INCONNUE", "Cette adresse n'existe pas.");
        };
    }

    private APIGatewayV2HTTPResponse professional(String route, APIGatewayV2HTTPEvent request) {
        HttpApi.requireIssuer(request, professionalIssuer);
        Actor.Professional pro = HttpApi.professional(request);
        JsonNode body = HttpApi.body(request);
        String spaceKey = nirProtection.lookupKey(Nir.parse(HttpApi.text(body, "ins")));
        return switch (route) {
            case PRO_DEPOSIT -> HttpApi.json(201, grant(record.requestUpload(pro, spaceKey, deposit(body))));
            case PRO_SEARCH -> HttpApi.json(200, page(record.list(pro, spaceKey, filter(
                    HttpApi.optionalText(body, "categorie"), HttpApi.optionalText(body, "du"), HttpApi.optionalText(body, "au")),
                    HttpApi.limit(Optional.ofNullable(body.get("limite")).map(JsonNode::asString), 20, MAX_PAGE),
                    HttpApi.optionalText(body, "curseur"), HttpApi.optionalText(body, "justificationUrgence"))));
            case PRO_ONE -> HttpApi.json(200, view(record.describe(pro, spaceKey, HttpApi.text(body, "documentId"))));
            case PRO_DOWNLOAD -> HttpApi.json(200, Map.of("url",
                    record.downloadUrl(pro, spaceKey, HttpApi.text(body, "documentId"),
                            HttpApi.optionalText(body, "justificationUrgence")).toString(), "valideSecondes", 300));
            case PRO_REPLACE -> HttpApi.json(201, grant(record.requestReplacement(pro, spaceKey,
                    HttpApi.text(body, "documentId"), deposit(body))));
            case PRO_RELEASE -> {
                String documentId = HttpApi.text(body, "documentId");
                record.release(pro, spaceKey, documentId);
                yield HttpApi.json(200, view(record.describe(pro, spaceKey, documentId)));
            }
            default -> throw ApiError.notFound("ROUTE_INCONNUE", "Cette adresse n'existe pas.");
        };
    }

    private static DepositRequest deposit(JsonNode body) {
        DocumentCategory category = DocumentCategory.fromId(HttpApi.text(body, "categorie")).orElseThrow(() ->
                ApiError.badRequest("CATEGORIE_INCONNUE", "Catégorie inconnue : ordonnance, biologie, imagerie, "
                        + "compte-rendu-hospitalier, compte-rendu-consultation, vaccination, document-patient ou autre."));
        JsonNode size = body.get("taille");
        if (size == null || !size.isIntegralNumber()) {
            throw ApiError.badRequest("TAILLE_INVALIDE", "Le champ « taille » (en octets) est obligatoire.");
        }
        return new DepositRequest(category, HttpApi.optionalText(body, "codeLoinc"), date(HttpApi.text(body, "dateSoins")),
                HttpApi.text(body, "titre"), HttpApi.text(body, "typeContenu"), size.asLong(),
                body.has("retenuJusquAnnonce") && body.get("retenuJusquAnnonce").asBoolean(),
                body.has("masqueAuxRepresentants") && body.get("masqueAuxRepresentants").asBoolean());
    }

    private static DocumentCatalog.Filter filter(Optional<String> category, Optional<String> from, Optional<String> to) {
        Optional<DocumentCategory> parsed = category.map(c -> DocumentCategory.fromId(c).orElseThrow(() ->
                ApiError.badRequest("CATEGORIE_INCONNUE", "Catégorie inconnue.")));
        return new DocumentCatalog.Filter(parsed, from.map(DocumentsHandler::date), to.map(DocumentsHandler::date));
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("DATE_INVALIDE", "Les dates sont au format AAAA-MM-JJ.");
        }
    }

    private static Map<String, Object> grant(SharedRecord.UploadGrant grant) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("document", view(grant.document()));
        Map<String, Object> upload = new LinkedHashMap<>();
        upload.put("methode", "PUT");
        upload.put("url", grant.ticket().url().toString());
        upload.put("entetes", grant.ticket().headers());
        upload.put("expireLe", grant.ticket().expiresAt().toString());
        view.put("televersement", upload);
        return view;
    }

    private static Map<String, Object> page(DocumentCatalog.Page page) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("documents", page.documents().stream().map(DocumentsHandler::view).toList());
        view.put("suivant", page.cursor().orElse(null));
        return view;
    }

    private static Map<String, Object> view(Document d) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", d.documentId());
        view.put("statut", d.status().name());
        view.put("motifRejet", d.rejection().orElse(null));
        view.put("categorie", d.category().id());
        view.put("codeLoinc", d.loincCode().orElse(null));
        view.put("dateSoins", d.careDate().toString());
        view.put("titre", d.title());
        view.put("typeContenu", d.declaredType().mediaType());
        view.put("taille", d.declaredSize());
        view.put("sha256", d.sha256().orElse(null));
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("type", d.author().kind() == fr.espacesante.domain.document.Author.Kind.PATIENT ? "PATIENT" : "PROFESSIONNEL");
        author.put("rpps", d.author().rpps());
        author.put("nom", d.author().name());
        author.put("profession", d.author().profession());
        view.put("auteur", author);
        view.put("retenuJusquAnnonce", d.heldBack());
        view.put("masqueParLePatient", d.hiddenByPatient());
        view.put("masqueAuxRepresentants", d.hiddenFromRepresentatives());
        view.put("deposeLe", d.depositedAt().toString());
        view.put("remplace", d.replaces().orElse(null));
        return view;
    }
}
