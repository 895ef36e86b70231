package fr.espacesante.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import fr.espacesante.aws.http.ApiError;
import fr.espacesante.aws.http.ApiRequest;
import fr.espacesante.aws.http.ApiResponse;
import fr.espacesante.aws.http.Caller;
import fr.espacesante.aws.http.Callers;
import fr.espacesante.aws.http.HttpFunction;
import fr.espacesante.domain.agenda.AgendaItem;
import fr.espacesante.domain.agenda.HealthAgenda;
import fr.espacesante.domain.catalogue.ServiceExchange;
import fr.espacesante.domain.document.Document;
import fr.espacesante.domain.document.DocumentCategory;
import fr.espacesante.domain.error.DomainException;
import fr.espacesante.domain.profile.Measurement;
import fr.espacesante.domain.profile.MeasurementType;
import fr.espacesante.domain.profile.MedicalProfile;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The FHIR R4 API of connected services, HAPI's R4 model for parsing and writing: {@code Patient}
 * (the pseudonymous patient only), {@code Observation} (the profile's measurements: LOINC codes, UCUM
 * units), {@code Appointment} (the agenda), {@code DocumentReference} (the documents of the granted
 * categories, content through a short-lived URL), {@code CapabilityStatement} at {@code /fhir/metadata}.
 * Every refusal is an {@code OperationOutcome} with French diagnostics; a search parameter we do not
 * support is a 400, never silently ignored. Ids join the pseudonym and the item, so a read needs nothing else.
 */
final class FhirRoutes {

    static final String METADATA = "GET /fhir/metadata";
    static final String PATIENT = "GET /fhir/Patient/{id}";
    static final String OBSERVATIONS = "GET /fhir/Observation";
    static final String OBSERVATION = "GET /fhir/Observation/{id}";
    static final String CREATE_OBSERVATION = "POST /fhir/Observation";
    static final String APPOINTMENTS = "GET /fhir/Appointment";
    static final String APPOINTMENT = "GET /fhir/Appointment/{id}";
    static final String CREATE_APPOINTMENT = "POST /fhir/Appointment";
    static final String DOCUMENTS = "GET /fhir/DocumentReference";
    static final String DOCUMENT = "GET /fhir/DocumentReference/{id}";

    /**
     * Built once per container, the heavy part of HAPI: started on its own thread when the function
     * is wired, so that it overlaps the rest of the start (Spring, the SDK clients, the first reads)
     * instead of following it; the first request waits for it only if it is not ready yet. It also
     * writes one Bundle of Observations, which reads the models a search uses. Deferred scanning reads
     * a datatype's model when a resource first uses it. Measured: {@code ./espace bench coldstart}.
     */
    private static final java.util.concurrent.CompletableFuture<FhirContext> CONTEXT = java.util.concurrent.CompletableFuture
            .supplyAsync(FhirRoutes::warmContext, runnable -> Thread.ofPlatform().daemon().name("fhir-context").start(runnable));
    private static final String JSON = "application/fhir+json; charset=utf-8";
    private static final String LOINC = "http://loinc.org";
    private static final String UCUM = "http://unitsofmeasure.org";
    static final String CATEGORY_SYSTEM = "https://espace-sante.example/fhir/CodeSystem/categorie-document";
    private static final String RULE_SYSTEM = "https://espace-sante.example/fhir/CodeSystem/regle-acces";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Pattern PSEUDONYM = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final Pattern MEASUREMENT_ID = Pattern.compile("[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}");
    private static final Pattern DATE_PARAM = Pattern.compile("(eq|ge|gt|le|lt)?([0-9]{4}-[0-9]{2}-[0-9]{2})");
    private static final int DEFAULT_COUNT = 50;

    private final ServiceExchange exchange;
    private final String base;

    FhirRoutes(ServiceExchange exchange, String serviceUrl) {
        this.exchange = exchange;
        this.base = serviceUrl + "/fhir";
    }

    HttpFunction routes(Callers callers) {
        return new HttpFunction(callers, FhirRoutes::outcome)
                .on(METADATA, Caller.Anonymous.class, (anyone, request) -> fhir(200, capabilities()))
                .on(PATIENT, Caller.Service.class, (service, request) -> {
                    String pseudonym = pseudonym(request.pathParameter("id").orElse(""));
                    exchange.patient(caller(service), pseudonym);
                    Patient patient = new Patient();
                    patient.setId(pseudonym);
                    patient.setActive(true);
                    return fhir(200, patient);
                })
                .on(OBSERVATIONS, Caller.Service.class, (service, request) -> {
                    Search search = Search.of(request, Set.of("patient", "subject", "code", "date", "_count", "_curseur"));
                    String pseudonym = search.patient();
                    MeasurementType type = search.required("code", "le code LOINC de la mesure (code=http://loinc.org|29463-7)")
                            .map(FhirRoutes::loincType).orElseThrow();
                    Instant[] range = search.dateRange();
                    var page = exchange.observations(caller(service), pseudonym, type, range[0], range[1], search.count(), search.cursor());
                    return fhir(200, bundle(request, page.values().stream().map(m -> (Resource) observation(pseudonym, m)).toList(),
                            page.cursor(), "Observation"));
                })
                .on(OBSERVATION, Caller.Service.class, (service, request) -> {
                    String[] parts = request.pathParameter("id").orElse("").split("\\.");
                    if (parts.length != 3 || !MEASUREMENT_ID.matcher(parts[2]).matches()) {
                        throw notFound();
                    }
                    String pseudonym = pseudonym(parts[0]);
                    MeasurementType type = typeAt(parts[1]);
                    Measurement m = exchange.observation(caller(service), pseudonym, type, parts[2]).orElseThrow(FhirRoutes::notFound);
                    return fhir(200, observation(pseudonym, m));
                })
                .on(CREATE_OBSERVATION, Caller.Service.class, (service, request) -> {
                    Observation posted = parse(request, Observation.class);
                    String pseudonym = subject(posted.getSubject());
                    MedicalProfile.NewMeasurement typed = measurement(posted);
                    Measurement m = exchange.addObservation(caller(service), pseudonym, typed);
                    return fhir(201, observation(pseudonym, m));
                })
                .on(APPOINTMENTS, Caller.Service.class, (service, request) -> {
                    Search search = Search.of(request, Set.of("patient", "actor", "date", "_count", "_curseur"));
                    String pseudonym = search.patient();
                    Instant[] range = search.dateRange();
                    LocalDate from = range[0].atZone(PARIS).toLocalDate();
                    var page = exchange.appointments(caller(service), pseudonym, from, search.count(), search.cursor());
                    List<Resource> found = page.items().stream().filter(i -> !i.at().atZone(PARIS).toInstant().isAfter(range[1]))
                            .map(i -> (Resource) appointment(pseudonym, i)).toList();
                    return fhir(200, bundle(request, found, page.cursor(), "Appointment"));
                })
                .on(APPOINTMENT, Caller.Service.class, (service, request) -> {
                    String[] parts = request.pathParameter("id").orElse("").split("\\.");
                    if (parts.length != 2) {
                        throw notFound();
                    }
                    String pseudonym = pseudonym(parts[0]);
                    AgendaItem item = exchange.appointment(caller(service), pseudonym, uuid(parts[1])).orElseThrow(FhirRoutes::notFound);
                    return fhir(200, appointment(pseudonym, item));
                })
                .on(CREATE_APPOINTMENT, Caller.Service.class, (service, request) -> {
                    Appointment posted = parse(request, Appointment.class);
                    String pseudonym = posted.getParticipant().stream().map(p -> p.getActor().getReference())
                            .filter(r -> r != null && r.startsWith("Patient/")).findFirst()
                            .map(r -> pseudonym(r.substring("Patient/".length())))
                            .orElseThrow(() -> invalid("PATIENT_MANQUANT", "Le rendez-vous doit avoir pour participant « Patient/<id> »."));
                    if (posted.getStart() == null) {
                        throw invalid("DEBUT_MANQUANT", "Le rendez-vous doit avoir un début (start).");
                    }
                    String title = Optional.ofNullable(posted.getDescription()).filter(d -> !d.isBlank())
                            .orElseThrow(() -> invalid("DESCRIPTION_MANQUANTE", "Le rendez-vous doit avoir une description (avec qui)."));
                    AgendaItem item = exchange.addAppointment(caller(service), pseudonym, new HealthAgenda.Entry(AgendaItem.Kind.APPOINTMENT,
                            title, Optional.empty(), Optional.empty(), Optional.empty(),
                            posted.getStart().toInstant().atZone(PARIS).toLocalDateTime().withSecond(0).withNano(0), Optional.empty(),
                            AgendaItem.Status.PLANNED, Optional.empty(), Optional.of(HealthAgenda.DEFAULT_DAYS_BEFORE)));
                    return fhir(201, appointment(pseudonym, item));
                })
                .on(DOCUMENTS, Caller.Service.class, (service, request) -> {
                    // One page of up to 200: the documents listing's cursor would carry the space's key.
                    Search search = Search.of(request, Set.of("patient", "subject", "category", "_count"));
                    String pseudonym = search.patient();
                    String code = search.required("category", "la catégorie de document (category=" + CATEGORY_SYSTEM + "|ordonnance)")
                            .map(c -> c.contains("|") ? c.substring(c.indexOf('|') + 1) : c).orElseThrow();
                    DocumentCategory category = DocumentCategory.fromId(code)
                            .orElseThrow(() -> invalid("CATEGORIE_INCONNUE", "Catégorie de document inconnue : " + code + "."));
                    var page = exchange.documents(caller(service), pseudonym, category, search.count(), Optional.empty());
                    return fhir(200, bundle(request, page.documents().stream().map(d -> (Resource) documentReference(pseudonym, d,
                            Optional.empty())).toList(), Optional.empty(), "DocumentReference"));
                })
                .on(DOCUMENT, Caller.Service.class, (service, request) -> {
                    String[] parts = request.pathParameter("id").orElse("").split("\\.");
                    if (parts.length != 2) {
                        throw notFound();
                    }
                    String pseudonym = pseudonym(parts[0]);
                    var shared = exchange.document(caller(service), pseudonym, uuid(parts[1])).orElseThrow(FhirRoutes::notFound);
                    return fhir(200, documentReference(pseudonym, shared.document(), Optional.of(shared.download().toString())));
                });
    }

    // ------------------------------------------------------------------ resources

    private Observation observation(String pseudonym, Measurement m) {
        MeasurementType type = m.type();
        Observation o = new Observation();
        o.setId(pseudonym + "." + String.format("%02x", type.ordinal()) + "." + m.measurementId());
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/observation-category").setCode("vital-signs");
        o.getCode().addCoding().setSystem(LOINC).setCode(type.loinc()).setDisplay(type.label());
        o.setSubject(new Reference("Patient/" + pseudonym));
        o.setEffective(new DateTimeType(Date.from(m.takenAt())));
        o.setIssued(Date.from(m.enteredAt()));
        if (!"patient".equals(m.source())) {
            o.addPerformer().setDisplay(m.source());
        }
        if (type.paired()) {
            o.addComponent().setCode(new CodeableConcept(new Coding(LOINC, MeasurementType.SYSTOLIC_LOINC, "Pression systolique")))
                    .setValue(quantity(m.value(), type));
            o.addComponent().setCode(new CodeableConcept(new Coding(LOINC, MeasurementType.DIASTOLIC_LOINC, "Pression diastolique")))
                    .setValue(quantity(m.diastolic().orElseThrow(), type));
        } else {
            o.setValue(quantity(m.value(), type));
        }
        return o;
    }

    private static Quantity quantity(BigDecimal value, MeasurementType type) {
        return new Quantity().setValue(value).setUnit(type.unitLabel()).setSystem(UCUM).setCode(type.ucum());
    }

    /** A posted Observation as a typed measurement: a LOINC code we follow, UCUM units as we store them, a time. */
    private static MedicalProfile.NewMeasurement measurement(Observation o) {
        MeasurementType type = o.getCode().getCoding().stream().filter(c -> LOINC.equals(c.getSystem()))
                .map(c -> MeasurementType.ofLoinc(c.getCode())).flatMap(Optional::stream).findFirst()
                .filter(t -> !t.derived())
                .orElseThrow(() -> invalid("CODE_NON_PRIS_EN_CHARGE", "Le code LOINC de l'observation n'est pas une mesure du profil."));
        if (!o.hasEffectiveDateTimeType() || o.getEffectiveDateTimeType().getValue() == null) {
            throw invalid("DATE_MANQUANTE", "L'observation doit avoir une date (effectiveDateTime).");
        }
        Instant at = o.getEffectiveDateTimeType().getValue().toInstant();
        if (type.paired()) {
            BigDecimal systolic = component(o, MeasurementType.SYSTOLIC_LOINC, type);
            BigDecimal diastolic = component(o, MeasurementType.DIASTOLIC_LOINC, type);
            return new MedicalProfile.NewMeasurement(type, systolic, Optional.of(diastolic), at);
        }
        if (!o.hasValueQuantity()) {
            throw invalid("VALEUR_MANQUANTE", "L'observation doit avoir une valeur (valueQuantity).");
        }
        return new MedicalProfile.NewMeasurement(type, value(o.getValueQuantity(), type), Optional.empty(), at);
    }

    private static BigDecimal component(Observation o, String loinc, MeasurementType type) {
        return o.getComponent().stream().filter(c -> c.getCode().getCoding().stream().anyMatch(x -> loinc.equals(x.getCode())))
                .findFirst().filter(c -> c.hasValueQuantity()).map(c -> value(c.getValueQuantity(), type))
                .orElseThrow(() -> invalid("COMPOSANTE_MANQUANTE", "La tension a deux composantes : " + MeasurementType.SYSTOLIC_LOINC
                        + " et " + MeasurementType.DIASTOLIC_LOINC + "."));
    }

    private static BigDecimal value(Quantity q, MeasurementType type) {
        if (!UCUM.equals(q.getSystem()) || !type.ucum().equals(q.getCode())) {
            throw invalid("UNITE_NON_UCUM", "L'unité doit être le code UCUM « " + type.ucum() + " » (system " + UCUM + ").");
        }
        if (q.getValue() == null) {
            throw invalid("VALEUR_MANQUANTE", "La quantité n'a pas de valeur.");
        }
        return q.getValue();
    }

    private static Appointment appointment(String pseudonym, AgendaItem item) {
        Appointment a = new Appointment();
        a.setId(pseudonym + "." + compact(item.itemId()));
        a.setStatus(switch (item.status()) {
            case PLANNED -> Appointment.AppointmentStatus.BOOKED;
            case DONE -> Appointment.AppointmentStatus.FULFILLED;
            case CANCELLED -> Appointment.AppointmentStatus.CANCELLED;
        });
        a.setDescription(item.title());
        Instant start = item.at().atZone(PARIS).toInstant();
        a.setStart(Date.from(start));
        a.setEnd(Date.from(start.plusSeconds(1_800)));
        a.addParticipant().setActor(new Reference("Patient/" + pseudonym)).setStatus(Appointment.ParticipationStatus.ACCEPTED);
        a.addParticipant().setActor(new Reference().setDisplay(item.title())).setStatus(Appointment.ParticipationStatus.ACCEPTED);
        return a;
    }

    private static DocumentReference documentReference(String pseudonym, Document d, Optional<String> url) {
        DocumentReference r = new DocumentReference();
        r.setId(pseudonym + "." + compact(d.documentId()));
        r.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        d.loincCode().ifPresent(code -> r.getType().addCoding().setSystem(LOINC).setCode(code));
        r.addCategory().addCoding().setSystem(CATEGORY_SYSTEM).setCode(d.category().id());
        r.setSubject(new Reference("Patient/" + pseudonym));
        r.setDate(Date.from(d.depositedAt()));
        r.setDescription(d.title());
        var attachment = r.addContent().getAttachment().setContentType(d.declaredType().mediaType()).setTitle(d.title());
        url.ifPresent(attachment::setUrl);
        return r;
    }

    private CapabilityStatement capabilities() {
        CapabilityStatement c = new CapabilityStatement();
        c.setStatus(Enumerations.PublicationStatus.ACTIVE);
        c.setDate(new Date(0));
        c.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        c.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        c.addFormat("application/fhir+json");
        c.getImplementation().setDescription("Espace Santé — API FHIR des services référencés").setUrl(base);
        var rest = c.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity().addService().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/restful-security-service")
                .setCode("SMART-on-FHIR");
        resource(rest, "Patient", List.of(), true, false);
        resource(rest, "Observation", List.of("patient", "code", "date"), true, true);
        resource(rest, "Appointment", List.of("patient", "date"), true, true);
        resource(rest, "DocumentReference", List.of("patient", "category"), true, false);
        return c;
    }

    private static void resource(CapabilityStatement.CapabilityStatementRestComponent rest, String type, List<String> params,
                                 boolean read, boolean create) {
        var r = rest.addResource().setType(type);
        if (read) {
            r.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        }
        if (!params.isEmpty()) {
            r.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        }
        if (create) {
            r.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.CREATE);
        }
        for (String p : params) {
            r.addSearchParam().setName(p).setType(switch (p) {
                case "date" -> Enumerations.SearchParamType.DATE;
                case "patient" -> Enumerations.SearchParamType.REFERENCE;
                default -> Enumerations.SearchParamType.TOKEN;
            });
        }
    }

    private Bundle bundle(ApiRequest request, List<Resource> resources, Optional<String> cursor, String type) {
        Bundle b = new Bundle();
        b.setType(Bundle.BundleType.SEARCHSET);
        String self = base + "/" + type + query(request.queryParameters(), Optional.empty());
        b.addLink().setRelation("self").setUrl(self);
        cursor.ifPresent(c -> b.addLink().setRelation("next").setUrl(base + "/" + type + query(request.queryParameters(), Optional.of(c))));
        for (Resource r : resources) {
            b.addEntry().setFullUrl(base + "/" + type + "/" + r.getIdElement().getIdPart()).setResource(r).getSearch()
                    .setMode(Bundle.SearchEntryMode.MATCH);
        }
        if (cursor.isEmpty()) {
            b.setTotal(resources.size());
        }
        return b;
    }

    private static String query(Map<String, String> params, Optional<String> cursor) {
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> {
            if (!k.equals("_curseur")) {
                q.append(q.isEmpty() ? "?" : "&").append(k).append('=').append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        cursor.ifPresent(c -> q.append(q.isEmpty() ? "?" : "&").append("_curseur=").append(java.net.URLEncoder.encode(c,
                StandardCharsets.UTF_8)));
        return q.toString();
    }

    // ------------------------------------------------------------------ the parts

    private static FhirContext warmContext() {
        FhirContext context = new FhirContext(ca.uhn.fhir.context.FhirVersionEnum.R4);
        context.setPerformanceOptions(ca.uhn.fhir.context.PerformanceOptionsEnum.DEFERRED_MODEL_SCANNING);
        Bundle sample = new Bundle();
        sample.setType(Bundle.BundleType.SEARCHSET);
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.getCode().addCoding().setSystem(LOINC).setCode("29463-7");
        o.setValue(new Quantity().setValue(70).setSystem(UCUM).setCode("kg"));
        o.setEffective(new DateTimeType(new Date(0)));
        sample.addEntry().setResource(o);
        context.newJsonParser().parseResource(context.newJsonParser().encodeResourceToString(sample));
        return context;
    }

    private static FhirContext fhirContext() {
        return CONTEXT.join();
    }

    private static ServiceExchange.Caller caller(Caller.Service service) {
        return new ServiceExchange.Caller(service.serviceId(), service.scopes());
    }

    private static <T extends IBaseResource> T parse(ApiRequest request, Class<T> type) {
        String body = request.body();
        if (body == null || body.isBlank()) {
            throw invalid("CORPS_INVALIDE", "Le corps de la requête doit être une ressource FHIR " + type.getSimpleName() + " en JSON.");
        }
        IBaseResource resource;
        try {
            resource = fhirContext().newJsonParser().parseResource(body);
        } catch (DataFormatException | IllegalArgumentException | ClassCastException e) {
            throw invalid("RESSOURCE_INVALIDE", "Le corps n'est pas une ressource FHIR R4 valide.");
        }
        if (!type.isInstance(resource)) {
            throw invalid("TYPE_RESSOURCE", "Cette adresse attend une ressource " + type.getSimpleName() + ".");
        }
        return type.cast(resource);
    }

    private static String subject(Reference subject) {
        String ref = subject == null ? null : subject.getReference();
        if (ref == null || !ref.startsWith("Patient/")) {
            throw invalid("PATIENT_MANQUANT", "L'observation doit avoir pour sujet « Patient/<id> ».");
        }
        return pseudonym(ref.substring("Patient/".length()));
    }

    private static String pseudonym(String id) {
        if (!PSEUDONYM.matcher(id).matches()) {
            throw notFound();
        }
        return id;
    }

    private static MeasurementType loincType(String code) {
        String loinc = code.contains("|") ? code.substring(code.indexOf('|') + 1) : code;
        if (code.contains("|") && !code.startsWith(LOINC + "|")) {
            throw invalid("SYSTEME_NON_PRIS_EN_CHARGE", "Seuls les codes LOINC (" + LOINC + ") sont pris en charge.");
        }
        return MeasurementType.ofLoinc(loinc).filter(t -> !t.derived())
                .orElseThrow(() -> invalid("CODE_NON_PRIS_EN_CHARGE", "Ce code LOINC n'est pas une mesure du profil."));
    }

    private static MeasurementType typeAt(String hex) {
        try {
            int index = Integer.parseInt(hex, 16);
            if (hex.length() == 2 && index < MeasurementType.values().length) {
                return MeasurementType.values()[index];
            }
        } catch (NumberFormatException e) {
            // an id we never gave
        }
        throw notFound();
    }

    private static String compact(String uuid) {
        UUID u = UUID.fromString(uuid);
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static String uuid(String compact) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(compact);
            if (bytes.length != 16) {
                throw notFound();
            }
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong()).toString();
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    private static ApiError invalid(String code, String message) {
        return ApiError.invalid(code, message);
    }

    private static ApiError notFound() {
        return ApiError.notFound("RESSOURCE_INCONNUE", "Aucune ressource ne porte cet identifiant.");
    }

    private static ApiResponse fhir(int status, IBaseResource resource) {
        return new ApiResponse(status, new ApiResponse.Raw(JSON, fhirContext().newJsonParser().encodeResourceToString(resource)
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** Every refusal as an OperationOutcome: the French message as diagnostics, our code as details. */
    static ApiResponse outcome(int status, DomainException e) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(status >= 500 ? OperationOutcome.IssueSeverity.FATAL : OperationOutcome.IssueSeverity.ERROR)
                .setCode(switch (status) {
                    case 401 -> OperationOutcome.IssueType.LOGIN;
                    case 403 -> OperationOutcome.IssueType.FORBIDDEN;
                    case 404 -> OperationOutcome.IssueType.NOTFOUND;
                    case 409 -> OperationOutcome.IssueType.CONFLICT;
                    case 429 -> OperationOutcome.IssueType.THROTTLED;
                    case 500 -> OperationOutcome.IssueType.EXCEPTION;
                    default -> OperationOutcome.IssueType.INVALID;
                })
                .setDiagnostics(e.publicMessage()).setDetails(details(e));
        return fhir(status, outcome);
    }

    /** Our code as text; for an access refusal, the rule of the policy that refused, as the patient's history names it. */
    private static CodeableConcept details(DomainException e) {
        CodeableConcept details = new CodeableConcept().setText(e.code());
        Object rule = e.details().get("regle");
        if (rule != null) {
            details.addCoding().setSystem(RULE_SYSTEM).setCode(rule.toString());
        }
        return details;
    }

    /** The search parameters: only those this resource supports (anything else is a 400), the patient always. */
    private record Search(Map<String, String> params) {

        static Search of(ApiRequest request, Set<String> supported) {
            for (String name : request.queryParameters().keySet()) {
                if (!supported.contains(name)) {
                    throw invalid("PARAMETRE_NON_PRIS_EN_CHARGE", "Paramètre de recherche non pris en charge : " + name + ".");
                }
            }
            return new Search(request.queryParameters());
        }

        String patient() {
            String value = Optional.ofNullable(params.get("patient")).or(() -> Optional.ofNullable(params.get("subject")))
                    .or(() -> Optional.ofNullable(params.get("actor")))
                    .orElseThrow(() -> invalid("PATIENT_MANQUANT", "Le paramètre « patient » est obligatoire."));
            return pseudonym(value.startsWith("Patient/") ? value.substring("Patient/".length()) : value);
        }

        Optional<String> required(String name, String what) {
            return Optional.of(Optional.ofNullable(params.get(name)).filter(v -> !v.isBlank())
                    .orElseThrow(() -> invalid("PARAMETRE_MANQUANT", "Le paramètre « " + name + " » est obligatoire : " + what + ".")));
        }

        /** {@code date=geYYYY-MM-DD} / {@code leYYYY-MM-DD} / {@code YYYY-MM-DD}, comma-free; default: the last year. */
        Instant[] dateRange() {
            Instant from = Instant.now().minusSeconds(366L * 86_400);
            Instant to = Instant.now().plusSeconds(366L * 86_400);
            String value = params.get("date");
            if (value == null) {
                return new Instant[] {from, to};
            }
            for (String part : value.split(",")) {
                var m = DATE_PARAM.matcher(part);
                if (!m.matches()) {
                    throw invalid("DATE_INVALIDE", "« date » s'écrit [ge|le|gt|lt|eq]AAAA-MM-JJ.");
                }
                LocalDate day;
                try {
                    day = LocalDate.parse(m.group(2));
                } catch (java.time.format.DateTimeParseException e) {
                    throw invalid("DATE_INVALIDE", "« date » s'écrit [ge|le|gt|lt|eq]AAAA-MM-JJ.");
                }
                String prefix = m.group(1) == null ? "eq" : m.group(1);
                Instant start = day.atStartOfDay(PARIS).toInstant();
                Instant end = day.plusDays(1).atStartOfDay(PARIS).toInstant().minusSeconds(1);
                switch (prefix) {
                    case "ge", "gt" -> from = prefix.equals("gt") ? end : start;
                    case "le", "lt" -> to = prefix.equals("lt") ? start : end;
                    default -> {
                        from = start;
                        to = end;
                    }
                }
            }
            return new Instant[] {from, to};
        }

        int count() {
            String value = params.get("_count");
            if (value == null) {
                return DEFAULT_COUNT;
            }
            try {
                int n = Integer.parseInt(value);
                if (n >= 1 && n <= 200) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw invalid("NOMBRE_INVALIDE", "« _count » est un nombre de 1 à 200.");
        }

        Optional<String> cursor() {
            return Optional.ofNullable(params.get("_curseur"));
        }
    }
}
