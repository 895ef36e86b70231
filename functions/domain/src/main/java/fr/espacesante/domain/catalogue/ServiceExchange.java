package fr.espacesante.domain.catalogue;

import fr.espacesante.domain.access.AccessRequest.Action;
import fr.espacesante.domain.access.Resource;
import fr.espacesante.domain.agenda.AgendaItem;
import fr.espacesante.domain.agenda.HealthAgenda;
import fr.espacesante.domain.agenda.port.out.AgendaBook;
import fr.espacesante.domain.document.Document;
import fr.espacesante.domain.document.DocumentCategory;
import fr.espacesante.domain.document.DocumentStatus;
import fr.espacesante.domain.document.port.out.DocumentCatalog;
import fr.espacesante.domain.document.port.out.DocumentStorage;
import fr.espacesante.domain.profile.Measurement;
import fr.espacesante.domain.profile.MeasurementType;
import fr.espacesante.domain.profile.MedicalProfile;
import fr.espacesante.domain.profile.port.out.ProfileBook;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * What a connected service reads and writes through the FHIR API — the profile's measurements, the
 * agenda, the documents of the categories granted — each call first decided and recorded by
 * {@link ServiceCalls} with the SMART scope it needs.
 */
public final class ServiceExchange {

    private static final Duration URL_VALIDITY = Duration.ofMinutes(5);

    /** The caller: a service, the scopes of its token. */
    public record Caller(String serviceId, Set<String> scopes) {
    }

    private final ServiceCalls calls;
    private final MedicalProfile profile;
    private final ProfileBook profileBook;
    private final HealthAgenda agenda;
    private final DocumentCatalog documents;
    private final DocumentStorage storage;

    public ServiceExchange(ServiceCalls calls, MedicalProfile profile, ProfileBook profileBook, HealthAgenda agenda,
                           DocumentCatalog documents, DocumentStorage storage) {
        this.calls = calls;
        this.profile = profile;
        this.profileBook = profileBook;
        this.agenda = agenda;
        this.documents = documents;
        this.storage = storage;
    }

    /** The pseudonymous patient: that the service is connected, nothing more. */
    public ServiceCalls.Authorized patient(Caller caller, String pseudonym) {
        return calls.authorize(caller.serviceId(), caller.scopes(), pseudonym, Resource.of(Resource.Kind.SPACE), Action.READ,
                Optional.empty(), "patient/Patient.rs", "fhir/Patient");
    }

    public ProfileBook.SeriesPage observations(Caller caller, String pseudonym, MeasurementType type, Instant from, Instant to,
                                               int limit, Optional<String> cursor) {
        var allowed = calls.authorize(caller.serviceId(), caller.scopes(), pseudonym, Resource.profile(false), Action.READ,
                Optional.of(DataScope.measurements(type)), "patient/Observation.rs", "fhir/Observation/" + type.code());
        return profileBook.series(allowed.spaceKey(), type, from, to, limit, cursor);
    }

    public Optional<Measurement> observation(Caller caller, String pseudonym, MeasurementType type, String measurementId) {
        var allowed = calls.authorize(caller.serviceId(), caller.scopes(), pseudonym, Resource.profile(false), Action.READ,
                Optional.of(DataScope.measurements(type)), "patient/Observation.rs", "fhir/Observation/" + type.code());
        return profileBook.find(allowed.spaceKey(), type, measurementId);
    }

    public Measurement addObservation(Caller caller, String pseudonym, MedicalProfile.NewMeasurement typed) {
        var allowed = calls.authorize(caller.serviceId(), caller.scopes(), pseudonym, Resource.profile(false), Action.ADD,
                Optional.of(DataScope.measurements(typed.type())), "patient/Observation.cu", "fhir/Observation/" + typed.type().code());
        return profile.measureFromService(allowed.spaceKey(), typed, allowed.service().name());
    }

    public AgendaBook.Page appointments(Caller caller, String pseudonym, LocalDate from, int limit, Optional<String> cursor) {
        var allowed = calls.authorize(caller.serviceId(), caller.scopes(), pseudonym, Resource.of(Resource.Kind.AGENDA), Action.READ,
                Optional.of(DataScope.AGENDA), "patient/Appointment.rs", "fhir/Appointment");
        return agenda.listForService(allowed.spaceKey(), from, limit, cursor);
    }

    public Optional<AgendaItem> appointment(Caller caller, String pseudonym, String itemId) {
        var allowed = calls.authorize(caller.serviceId(), caller.scopes(), pseudonym, Resource.of(Resource.Kind.AGENDA), Action.READ,
                Optional.of(DataScope.AGENDA), "patient/Appointment.rs", "fhir/Appointment");
        return agenda.findForService(allowed.spaceKey(), itemId);
    }

    public AgendaItem addAppointment(Caller caller, String pseudonym, HealthAgenda.Entry entry) {
        var allowed = calls.authorize(caller.serviceId(), caller.scopes(), pseudonym, Resource.of(Resource.Kind.AGENDA), Action.ADD,
                Optional.of(DataScope.AGENDA), "patient/Appointment.cu", "fhir/Appointment");
        return agenda.addFromService(allowed.spaceKey(), entry);
    }

    /** The available documents of a granted category, without those held back or hidden by the patient. */
    public DocumentCatalog.Page documents(Caller caller, String pseudonym, DocumentCategory category, int limit, Optional<String> cursor) {
        var allowed = calls.authorize(caller.serviceId(), caller.scopes(), pseudonym, Resource.document(null, false, false, false),
                Action.READ, Optional.of(DataScope.documents(category)), "patient/DocumentReference.rs", "fhir/DocumentReference");
        DocumentCatalog.Page page = documents.list(allowed.spaceKey(), new DocumentCatalog.Filter(Optional.of(category), Optional.empty(),
                Optional.empty()), limit, cursor);
        return new DocumentCatalog.Page(page.documents().stream().filter(d -> !d.heldBack() && !d.hiddenByPatient()).toList(),
                page.cursor());
    }

    /** One document (decided on its own flags) and a short-lived download of its content. */
    public Optional<Shared> document(Caller caller, String pseudonym, String documentId) {
        // Where to look: the connection, under the documents' own scope (a service may hold no Patient scope).
        ServiceCalls.Authorized connected = calls.authorize(caller.serviceId(), caller.scopes(), pseudonym,
                Resource.of(Resource.Kind.SPACE), Action.READ, Optional.empty(), "patient/DocumentReference.rs", "fhir/DocumentReference");
        Optional<Document> document = documents.find(connected.spaceKey(), documentId).filter(d -> d.status() == DocumentStatus.AVAILABLE
                && d.category() != DocumentCategory.ATTACHMENT);
        if (document.isEmpty()) {
            return Optional.empty();
        }
        Document d = document.get();
        calls.authorize(caller.serviceId(), caller.scopes(), pseudonym, d.asResource(), Action.READ,
                Optional.of(DataScope.documents(d.category())), "patient/DocumentReference.rs", d.documentId());
        return Optional.of(new Shared(d, storage.presignDownload(d.checkedKey(), d.title(), URL_VALIDITY)));
    }

    public record Shared(Document document, URI download) {
    }
}
