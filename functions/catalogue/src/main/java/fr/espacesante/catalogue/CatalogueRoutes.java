package fr.espacesante.catalogue;

import fr.espacesante.aws.http.ApiError;
import fr.espacesante.aws.http.ApiRequest;
import fr.espacesante.aws.http.ApiResponse;
import fr.espacesante.aws.http.Caller.Citizen;
import fr.espacesante.aws.http.Caller.Operator;
import fr.espacesante.aws.http.Callers;
import fr.espacesante.aws.http.Fields;
import fr.espacesante.aws.http.HttpFunction;
import fr.espacesante.domain.catalogue.CatalogueException;
import fr.espacesante.domain.catalogue.DataScope;
import fr.espacesante.domain.catalogue.Purpose;
import fr.espacesante.domain.catalogue.ReferencedService;
import fr.espacesante.domain.catalogue.ServiceCatalogue;
import fr.espacesante.domain.catalogue.ServiceConnections;
import fr.espacesante.domain.catalogue.port.out.Catalogue;
import fr.espacesante.domain.family.Representation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The catalogue: {@code /espace/catalogue…} to search and read services, {@code /espace/services…}
 * to connect, list and revoke them (a parent with {@code ?enfant=}, a caregiver with {@code ?aide=}),
 * {@code /admin/catalogue…} for operators to load the referential and suspend, dereference or
 * reinstate a service, each change audited.
 */
final class CatalogueRoutes {

    static final String SEARCH = "GET /espace/catalogue";
    static final String SERVICE = "GET /espace/catalogue/{serviceId}";
    static final String CONNECTED = "GET /espace/services";
    static final String CONNECT = "POST /espace/services/{serviceId}";
    static final String REVOKE = "DELETE /espace/services/{serviceId}";
    static final String LOAD = "POST /admin/catalogue";
    static final String SUSPEND = "POST /admin/catalogue/{serviceId}/suspension";
    static final String DEREFERENCE = "POST /admin/catalogue/{serviceId}/dereferencement";
    static final String REINSTATE = "POST /admin/catalogue/{serviceId}/remise-en-ligne";
    static final String JOURNAL = "GET /admin/catalogue/{serviceId}/journal";

    private static final Pattern SERVICE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,39}");
    private static final int PER_PAGE = 10;
    private static final int MAX_SERVICES = 500;

    private final ServiceCatalogue catalogue;
    private final ServiceConnections connections;
    private final Representation representation;

    CatalogueRoutes(ServiceCatalogue catalogue, ServiceConnections connections, Representation representation) {
        this.catalogue = catalogue;
        this.connections = connections;
        this.representation = representation;
    }

    HttpFunction routes(Callers callers) {
        return new HttpFunction(callers)
                .on(SEARCH, Citizen.class, (citizen, request) -> {
                    int page = (int) request.query("page").map(p -> Fields.limit(Optional.of(p), 1, 1_000)).orElse(1);
                    ServiceCatalogue.Page found = catalogue.search(request.query("categorie").filter(c -> !c.isBlank()),
                            request.query("texte").filter(t -> !t.isBlank()), (page - 1) * PER_PAGE, PER_PAGE);
                    return ApiResponse.ok(new SearchView(found.services().stream().map(Summary::of).toList(), found.total(), page,
                            PER_PAGE));
                })
                .on(SERVICE, Citizen.class, (citizen, request) -> ApiResponse.ok(ServiceView.of(catalogue.find(serviceId(request)))))
                .on(CONNECTED, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    return ApiResponse.ok(new ConnectedList(connections.connected(acting.actor(), acting.spaceKey()).stream()
                            .map(c -> ConnectedView.of(c, false)).toList()));
                })
                .on(CONNECT, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    Set<Purpose> purposes = purposes(request.jsonBody());
                    return ApiResponse.created(ConnectedView.of(connections.connect(acting.actor(), acting.spaceKey(), serviceId(request),
                            purposes), true));
                })
                .on(REVOKE, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    connections.revoke(acting.actor(), acting.spaceKey(), serviceId(request));
                    return ApiResponse.ok(Map.of("revoque", true));
                })
                .on(LOAD, Operator.class, (operator, request) -> {
                    ServiceCatalogue.LoadReport report = catalogue.load(operator.agent(), referential(request.jsonBody()));
                    return ApiResponse.ok(new LoadView(report.created(), report.changed(), report.newVersions(), report.unchanged()));
                })
                .on(SUSPEND, Operator.class, (operator, request) -> {
                    request.optionalEmptyBody();
                    return ApiResponse.ok(ServiceView.of(catalogue.suspend(operator.agent(), serviceId(request))));
                })
                .on(DEREFERENCE, Operator.class, (operator, request) -> {
                    request.optionalEmptyBody();
                    return ApiResponse.ok(ServiceView.of(catalogue.dereference(operator.agent(), serviceId(request))));
                })
                .on(REINSTATE, Operator.class, (operator, request) -> {
                    request.optionalEmptyBody();
                    return ApiResponse.ok(ServiceView.of(catalogue.reinstate(operator.agent(), serviceId(request))));
                })
                .on(JOURNAL, Operator.class, (operator, request) -> ApiResponse.ok(Map.of("journal",
                        catalogue.changes(serviceId(request)).stream().map(c -> new ChangeView(c.at().toString(), c.operator(),
                                c.change(), c.version())).toList())));
    }

    private Representation.Acting acting(Citizen citizen, ApiRequest request) {
        return representation.actingIn(citizen.subject(), Fields.childReference(request), Fields.helpedReference(request));
    }

    private static String serviceId(ApiRequest request) {
        return Fields.identifier(request.pathParameter("serviceId"), "serviceId", SERVICE_ID);
    }

    private static Set<Purpose> purposes(JsonNode body) {
        JsonNode list = body.get("finalites");
        if (list == null || list.isNull()) {
            throw new CatalogueException(CatalogueException.Reason.NO_PURPOSE);
        }
        if (!list.isArray() || list.size() > Purpose.values().length) {
            throw ApiError.invalid("CHAMP_INVALIDE", "« finalites » est une liste de finalités.");
        }
        Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
        for (JsonNode code : list) {
            purposes.add(Purpose.ofCode(code.isString() ? code.asString() : "")
                    .orElseThrow(() -> new CatalogueException(CatalogueException.Reason.UNKNOWN_PURPOSE)));
        }
        return purposes;
    }

    /** The referential as shipped in {@code catalogue/referentiel.json}: {@code {"services":[…]}}. */
    private static List<ReferencedService> referential(JsonNode body) {
        JsonNode services = body.get("services");
        if (services == null || !services.isArray() || services.isEmpty() || services.size() > MAX_SERVICES) {
            throw new CatalogueException(CatalogueException.Reason.INVALID_ENTRY, "« services » est une liste de 1 à "
                    + MAX_SERVICES + " services.");
        }
        List<ReferencedService> entries = new ArrayList<>();
        for (JsonNode s : services) {
            if (!s.isObject()) {
                throw new CatalogueException(CatalogueException.Reason.INVALID_ENTRY, "Chaque service est un objet.");
            }
            String id = Fields.text(s, "id", 40);
            List<String> categories = new ArrayList<>();
            for (JsonNode c : array(s, "categories", id)) {
                categories.add(c.isString() ? c.asString() : "");
            }
            ReferencedService.State state = switch (Fields.text(s, "etat", 20)) {
                case "EN_LIGNE" -> ReferencedService.State.ONLINE;
                case "SUSPENDU" -> ReferencedService.State.SUSPENDED;
                case "DEREFERENCE" -> ReferencedService.State.DEREFERENCED;
                default -> throw new CatalogueException(CatalogueException.Reason.INVALID_ENTRY, "État inconnu pour " + id + ".");
            };
            JsonNode purposesNode = s.get("finalites");
            if (purposesNode == null || !purposesNode.isObject()) {
                throw new CatalogueException(CatalogueException.Reason.INVALID_ENTRY, "« finalites » manque pour " + id + ".");
            }
            Map<Purpose, ReferencedService.Access> purposes = new EnumMap<>(Purpose.class);
            for (var p : purposesNode.properties()) {
                Purpose purpose = Purpose.ofCode(p.getKey()).orElseThrow(() -> new CatalogueException(
                        CatalogueException.Reason.UNKNOWN_PURPOSE));
                purposes.put(purpose, new ReferencedService.Access(scopes(p.getValue(), "lit", id), scopes(p.getValue(), "ecrit", id)));
            }
            entries.add(new ReferencedService(id, Fields.text(s, "nom", 100), Fields.text(s, "editeur", 100),
                    Fields.paragraph(s, "description", 2_000), categories, state, purposes, 0, Instant.EPOCH));
        }
        return entries;
    }

    private static Set<DataScope> scopes(JsonNode access, String field, String id) {
        Set<DataScope> scopes = new HashSet<>();
        if (!access.has(field)) {
            return scopes;
        }
        for (JsonNode code : array(access, field, id)) {
            scopes.add(DataScope.ofCode(code.isString() ? code.asString() : "")
                    .orElseThrow(() -> new CatalogueException(CatalogueException.Reason.UNKNOWN_DATA, "Service " + id + ".")));
        }
        return scopes;
    }

    private static JsonNode array(JsonNode node, String field, String id) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray() || value.size() > 50) {
            throw new CatalogueException(CatalogueException.Reason.INVALID_ENTRY, "« " + field + " » est une liste, pour " + id + ".");
        }
        return value;
    }

    // ------------------------------------------------------------------ views

    record Summary(String id, String nom, String editeur, String description, List<String> categories, String etat) {
        static Summary of(ReferencedService s) {
            return new Summary(s.serviceId(), s.name(), s.editor(), s.description(), s.categories(), state(s.state()));
        }
    }

    record SearchView(List<Summary> services, int total, int page, int parPage) {
    }

    record DataView(String code, String libelle) {
        static List<DataView> of(Collection<DataScope> scopes) {
            return scopes.stream().map(d -> new DataView(d.code(), d.label())).sorted(java.util.Comparator.comparing(DataView::code))
                    .toList();
        }
    }

    record PurposeView(String code, String libelle, List<DataView> lit, List<DataView> ecrit) {
    }

    record ServiceView(String id, String nom, String editeur, String description, List<String> categories, String etat,
                       List<PurposeView> finalites) {
        static ServiceView of(ReferencedService s) {
            List<PurposeView> purposes = new ArrayList<>();
            for (Purpose p : Purpose.values()) {
                ReferencedService.Access access = s.purposes().get(p);
                if (access != null) {
                    purposes.add(new PurposeView(p.code(), p.label(), DataView.of(access.read()), DataView.of(access.write())));
                }
            }
            return new ServiceView(s.serviceId(), s.name(), s.editor(), s.description(), s.categories(), state(s.state()), purposes);
        }
    }

    record PurposeRef(String code, String libelle) {
    }

    /** @param patient the pseudonym the service knows the patient by: given to the patient when they connect it */
    record ConnectedView(String id, String nom, String editeur, List<PurposeRef> finalites, List<DataView> lit, List<DataView> ecrit,
                         String connecteLe, String connectePar, String statut, String reapprouverAvant, String etatService,
                         String patient) {
        static ConnectedView of(ServiceConnections.Connected c, boolean withPseudonym) {
            return new ConnectedView(c.service().serviceId(), c.service().name(), c.service().editor(),
                    c.grant().purposes().stream().sorted().map(p -> new PurposeRef(p.code(), p.label())).toList(),
                    DataView.of(c.effective().read()), DataView.of(c.effective().write()), c.grant().grantedAt().toString(),
                    c.grant().grantedBy(), switch (c.effective().standing()) {
                        case CURRENT -> "A_JOUR";
                        case REAPPROVAL_NEEDED -> "A_REAPPROUVER";
                        case LAPSED -> "EXPIRE";
                        case UNAVAILABLE, REVOKED -> "INDISPONIBLE";
                    }, c.effective().standing() == fr.espacesante.domain.catalogue.Grant.Standing.REAPPROVAL_NEEDED
                            ? c.effective().reapproveBy().toString() : null, state(c.service().state()),
                    withPseudonym ? c.grant().pseudonym() : null);
        }
    }

    record ConnectedList(List<ConnectedView> services) {
    }

    record LoadView(int crees, int modifies, int nouvellesVersions, int inchanges) {
    }

    record ChangeView(String le, String operateur, String changement, long version) {
    }

    private static String state(ReferencedService.State state) {
        return switch (state) {
            case ONLINE -> "EN_LIGNE";
            case SUSPENDED -> "SUSPENDU";
            case DEREFERENCED -> "DEREFERENCE";
        };
    }
}
