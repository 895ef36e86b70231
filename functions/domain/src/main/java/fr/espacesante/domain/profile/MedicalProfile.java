package fr.espacesante.domain.profile;

import fr.espacesante.domain.access.AccessPolicy;
import fr.espacesante.domain.access.AccessRequest;
import fr.espacesante.domain.access.AccessRequest.Action;
import fr.espacesante.domain.access.Actor;
import fr.espacesante.domain.access.Resource;
import fr.espacesante.domain.access.SpaceAccessGuard;
import fr.espacesante.domain.document.Author;
import fr.espacesante.domain.document.Document;
import fr.espacesante.domain.document.DocumentCategory;
import fr.espacesante.domain.document.DocumentStatus;
import fr.espacesante.domain.document.DocumentType;
import fr.espacesante.domain.document.port.out.DocumentCatalog;
import fr.espacesante.domain.document.port.out.DocumentStorage;
import fr.espacesante.domain.nir.Nir;
import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.domain.profile.ProfileException.Reason;
import fr.espacesante.domain.profile.port.out.ProfileBook;
import fr.espacesante.domain.profile.port.out.ProfileSummaries;
import fr.espacesante.domain.space.RegisteredPerson;
import fr.espacesante.domain.space.Space;
import fr.espacesante.domain.text.Digests;
import fr.espacesante.domain.space.SpaceNotFoundException;
import fr.espacesante.domain.space.port.out.PersonDirectory;
import fr.espacesante.domain.space.port.out.Spaces;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The medical profile, entered by the patient, a parent for a child, or a caregiver for the person
 * they help; read by professionals under the access policy (resource {@code PROFILE}), never written
 * by them: they write documents. Every read and change is decided and recorded in the history.
 *
 * <p>Beyond the anchors, the patient (or a parent) may hide a section from professionals, as they
 * hide a document: the treating doctor still reads it, no one else does — not even in an emergency,
 * where the patient's choice to hide stands as it does for documents.
 */
public final class MedicalProfile {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int ATTEMPTS = 5;
    /** A value taken « now » on a phone whose clock runs a little ahead is not in the future. */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(5);
    private static final Duration URL_VALIDITY = Duration.ofMinutes(5);
    private static final String SINGLE = "valeur";

    /** A measurement as typed: value in the type's unit; {@code diastolic} for a blood pressure only. */
    public record NewMeasurement(MeasurementType type, BigDecimal value, Optional<BigDecimal> diastolic, Instant takenAt) {
    }

    /** The summary filed among the space's documents (internal category, attachable to a message), and its download. */
    public record Summary(Document document, URI download) {
    }

    private final ProfileBook book;
    private final Spaces spaces;
    private final PersonDirectory persons;
    private final SpaceAccessGuard guard;
    private final AccessPolicy policy;
    /** Only professionals' reads by INS need it: a function serving no such read never holds the NIR keys. */
    private final java.util.function.Supplier<NirProtection> nirProtection;
    private final DocumentCatalog catalog;
    private final DocumentStorage storage;
    private final ProfileSummaries summaries;
    private final Clock clock;

    public MedicalProfile(ProfileBook book, Spaces spaces, PersonDirectory persons, SpaceAccessGuard guard, AccessPolicy policy,
                          java.util.function.Supplier<NirProtection> nirProtection, DocumentCatalog catalog, DocumentStorage storage,
                          ProfileSummaries summaries, Clock clock) {
        this.book = book;
        this.spaces = spaces;
        this.persons = persons;
        this.guard = guard;
        this.policy = policy;
        this.nirProtection = nirProtection;
        this.catalog = catalog;
        this.storage = storage;
        this.summaries = summaries;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ reading

    public ProfileView read(Actor actor, String spaceKey) {
        allowed(actor, spaceKey, Action.READ, "profil");
        return ProfileView.of(book.read(spaceKey), EnumSet.allOf(ProfileSection.class));
    }

    /**
     * A professional's read by INS: recorded once; the sections the patient hid are left out unless
     * the policy lets this professional read hidden ones (the treating doctor).
     */
    public ProfileView readAsProfessional(Actor.Professional professional, Nir ins, Optional<String> emergencyJustification) {
        Space space = spaces.find(nirProtection.get().lookupKey(ins)).orElseThrow(SpaceNotFoundException::new);
        guard.require(new AccessRequest(professional, space.access(), Resource.profile(false),
                Action.READ, emergencyJustification), "profil");
        ProfileBook.Contents contents = book.read(space.spaceKey());
        boolean readsHidden = policy.decide(new AccessRequest(professional, space.access(), Resource.profile(true), Action.READ,
                emergencyJustification)).allowed();
        Set<ProfileSection> readable = EnumSet.allOf(ProfileSection.class);
        if (!readsHidden) {
            readable.removeAll(contents.hiddenFromProfessionals());
        }
        return ProfileView.of(contents, readable);
    }

    /** A professional's read of one series, by INS, under the same decision as the profile. */
    public ProfileBook.SeriesPage seriesAsProfessional(Actor.Professional professional, Nir ins, Optional<String> emergencyJustification,
                                                       MeasurementType type, LocalDate from, LocalDate to, int limit,
                                                       Optional<String> cursor) {
        Space space = spaces.find(nirProtection.get().lookupKey(ins)).orElseThrow(SpaceNotFoundException::new);
        guard.require(new AccessRequest(professional, space.access(), Resource.profile(false),
                Action.READ, emergencyJustification), "profil/mesures/" + type.code());
        return book.series(space.spaceKey(), type, start(from), end(to), limit, cursor);
    }

    public ProfileBook.SeriesPage series(Actor actor, String spaceKey, MeasurementType type, LocalDate from, LocalDate to,
                                         int limit, Optional<String> cursor) {
        allowed(actor, spaceKey, Action.READ, "profil/mesures/" + type.code());
        return book.series(spaceKey, type, start(from), end(to), limit, cursor);
    }

    // ------------------------------------------------------------------ sections

    /** Adds an entry to a list section; a « non concerné » declaration ends with it. */
    public ProfileEntry add(Actor actor, String spaceKey, ProfileSection section, Map<String, String> values) {
        if (!section.isList()) {
            throw new ProfileException(Reason.NOT_A_LIST);
        }
        Map<String, String> checked = checked(spaceKey, section, values);
        allowed(actor, spaceKey, Action.ADD, "profil/" + section.code());
        ProfileEntry entry = new ProfileEntry(UUID.randomUUID().toString(), checked, clock.instant(), actor.enteredBy());
        change(spaceKey, section, state -> {
            if (state.entries().size() >= ProfileSection.MAX_ENTRIES) {
                throw new ProfileException(Reason.SECTION_FULL);
            }
            List<ProfileEntry> entries = new ArrayList<>(state.entries());
            entries.add(entry);
            return new SectionState(section, entries, Optional.empty(), state.version() + 1);
        });
        return entry;
    }

    /** Sets the value of a single section (blood group, lifestyle, advance directives, organ donation). */
    public ProfileEntry set(Actor actor, String spaceKey, ProfileSection section, Map<String, String> values) {
        if (section.isList()) {
            throw new ProfileException(Reason.A_LIST);
        }
        Map<String, String> checked = checked(spaceKey, section, values);
        allowed(actor, spaceKey, Action.WRITE, "profil/" + section.code());
        ProfileEntry entry = new ProfileEntry(SINGLE, checked, clock.instant(), actor.enteredBy());
        change(spaceKey, section, state -> new SectionState(section, List.of(entry), Optional.empty(), state.version() + 1));
        return entry;
    }

    public ProfileEntry replace(Actor actor, String spaceKey, ProfileSection section, String entryId, Map<String, String> values) {
        Map<String, String> checked = checked(spaceKey, section, values);
        allowed(actor, spaceKey, Action.WRITE, "profil/" + section.code());
        ProfileEntry entry = new ProfileEntry(entryId, checked, clock.instant(), actor.enteredBy());
        change(spaceKey, section, state -> {
            List<ProfileEntry> entries = new ArrayList<>(state.entries());
            int at = indexOf(entries, entryId);
            entries.set(at, entry);
            return new SectionState(section, entries, state.notConcernedSince(), state.version() + 1);
        });
        return entry;
    }

    /** Removes an entry (for a single section, its value: {@code valeur}). */
    public void remove(Actor actor, String spaceKey, ProfileSection section, String entryId) {
        allowed(actor, spaceKey, Action.WRITE, "profil/" + section.code());
        change(spaceKey, section, state -> {
            List<ProfileEntry> entries = new ArrayList<>(state.entries());
            entries.remove(indexOf(entries, entryId));
            return new SectionState(section, entries, state.notConcernedSince(), state.version() + 1);
        });
    }

    /** « Non concerné »: a list section declared as not applying, with its date — only while it is empty. */
    public void declareNotConcerned(Actor actor, String spaceKey, ProfileSection section, LocalDate since) {
        if (!section.isList()) {
            throw new ProfileException(Reason.NOT_A_LIST);
        }
        if (since.isAfter(today())) {
            throw new ProfileException(Reason.FUTURE_DATE);
        }
        allowed(actor, spaceKey, Action.WRITE, "profil/" + section.code());
        change(spaceKey, section, state -> {
            if (!state.entries().isEmpty()) {
                throw new ProfileException(Reason.NOT_EMPTY);
            }
            return new SectionState(section, List.of(), Optional.of(since), state.version() + 1);
        });
    }

    public void withdrawNotConcerned(Actor actor, String spaceKey, ProfileSection section) {
        allowed(actor, spaceKey, Action.WRITE, "profil/" + section.code());
        change(spaceKey, section, state -> new SectionState(section, state.entries(), Optional.empty(), state.version() + 1));
    }

    /** Which sections professionals do not read (but the treating doctor): a setting of the patient's, or a parent's. */
    public void hideFromProfessionals(Actor actor, String spaceKey, Set<ProfileSection> sections) {
        Space space = spaces.find(spaceKey).orElseThrow(SpaceNotFoundException::new);
        guard.require(new AccessRequest(actor, space.access(), Resource.of(Resource.Kind.SETTINGS),
                Action.WRITE, Optional.empty()), "profil/masquage");
        book.hideFromProfessionals(spaceKey, sections);
    }

    // ------------------------------------------------------------------ measurements

    public Measurement measure(Actor actor, String spaceKey, NewMeasurement typed) {
        Measurement measurement = checked(spaceKey, typed, "patient");
        allowed(actor, spaceKey, Action.ADD, "profil/mesures/" + typed.type().code());
        book.add(measurement);
        return measurement;
    }

    /** A measurement written by a connected service (the catalogue's FHIR API): same checks, its name as source. */
    public Measurement measureFromService(String spaceKey, NewMeasurement typed, String serviceName) {
        Measurement measurement = checked(spaceKey, typed, serviceName);
        book.add(measurement);
        return measurement;
    }

    public void removeMeasurement(Actor actor, String spaceKey, MeasurementType type, String measurementId) {
        allowed(actor, spaceKey, Action.WRITE, "profil/mesures/" + type.code());
        Measurement measurement = book.find(spaceKey, type, measurementId)
                .orElseThrow(() -> new ProfileException(Reason.UNKNOWN_MEASURE));
        book.remove(measurement);
    }

    // ------------------------------------------------------------------ the summary

    /**
     * The one-page PDF summary, written by the service and filed among the space's documents in the
     * internal attachment category: downloadable at once, and attachable to a message by its id.
     */
    public Summary summary(Actor actor, String spaceKey) {
        allowed(actor, spaceKey, Action.READ, "profil/synthese");
        ProfileView profile = ProfileView.of(book.read(spaceKey), EnumSet.allOf(ProfileSection.class));
        String holder = persons.find(spaceKey).map(p -> p.identity().firstNames() + " " + p.identity().lastName())
                .orElse("Titulaire de l'espace");
        LocalDate today = today();
        byte[] pdf = summaries.render(profile, holder, today);
        Document document = new Document(spaceKey, UUID.randomUUID().toString(), DocumentCategory.ATTACHMENT, Optional.empty(),
                today, new Author(Author.Kind.PATIENT, null, "Espace Santé", null),
                "Synthèse du profil médical du " + today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), DocumentType.PDF,
                pdf.length, DocumentStatus.PENDING, Optional.empty(), Optional.empty(), false, false, false, clock.instant(),
                Optional.empty());
        catalog.createPending(document);
        storage.storeChecked(document.checkedKey(), DocumentType.PDF, pdf);
        catalog.markAvailable(document, Digests.sha256Hex(pdf));
        return new Summary(document, storage.presignDownload(document.checkedKey(), document.title() + ".pdf", URL_VALIDITY));
    }

    // ------------------------------------------------------------------ the parts

    private interface Change {
        SectionState apply(SectionState state);
    }

    /** Read, change, write if no one wrote in between; again if someone did. */
    private void change(String spaceKey, ProfileSection section, Change change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            SectionState state = book.section(spaceKey, section);
            SectionState changed = change.apply(state);
            if (book.save(spaceKey, changed, state.version())) {
                return;
            }
        }
        throw new ProfileException(Reason.CHANGED_MEANWHILE);
    }

    private static int indexOf(List<ProfileEntry> entries, String entryId) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).entryId().equals(entryId)) {
                return i;
            }
        }
        throw new ProfileException(Reason.UNKNOWN_ENTRY);
    }

    private Map<String, String> checked(String spaceKey, ProfileSection section, Map<String, String> values) {
        return new SectionChecks(birthDate(spaceKey), today(), documentId -> catalog.find(spaceKey, documentId)
                .filter(d -> d.status() == DocumentStatus.AVAILABLE).isPresent()).check(section, values);
    }

    private Measurement checked(String spaceKey, NewMeasurement typed, String source) {
        MeasurementType type = typed.type();
        Instant now = clock.instant();
        if (type.derived()) {
            throw new ProfileException(Reason.DERIVED_MEASUREMENT);
        }
        within(type, typed.value(), type.min(), type.max());
        if (type.paired()) {
            BigDecimal diastolic = typed.diastolic().orElseThrow(() -> new ProfileException(Reason.MISSING_FIELD));
            within(type, diastolic, MeasurementType.DIASTOLIC_MIN, MeasurementType.DIASTOLIC_MAX);
            if (diastolic.compareTo(typed.value()) >= 0) {
                throw new ProfileException(Reason.DIASTOLIC_ABOVE_SYSTOLIC);
            }
        } else if (typed.diastolic().isPresent()) {
            throw new ProfileException(Reason.SECOND_VALUE);
        }
        if (typed.takenAt().isAfter(now.plus(CLOCK_SLACK))) {
            throw new ProfileException(Reason.FUTURE_DATE);
        }
        Optional<LocalDate> birth = birthDate(spaceKey);
        LocalDate takenOn = typed.takenAt().atZone(PARIS).toLocalDate();
        if (birth.isPresent() && takenOn.isBefore(birth.get())) {
            throw new ProfileException(Reason.BEFORE_BIRTH);
        }
        if (type.childrenOnly() && birth.isPresent() && !takenOn.isBefore(birth.get().plusYears(18))) {
            throw new ProfileException(Reason.CHILDREN_ONLY);
        }
        String random = UUID.randomUUID().toString().substring(0, 8);
        return new Measurement(spaceKey, type, Measurement.newId(typed.takenAt(), random), typed.takenAt(),
                typed.value().stripTrailingZeros(), typed.diastolic().map(BigDecimal::stripTrailingZeros), now, source);
    }

    private static void within(MeasurementType type, BigDecimal value, BigDecimal min, BigDecimal max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new ProfileException(Reason.OUT_OF_RANGE);
        }
        if (value.stripTrailingZeros().scale() > type.decimals()) {
            throw new ProfileException(Reason.TOO_PRECISE);
        }
    }

    private Optional<LocalDate> birthDate(String spaceKey) {
        return persons.find(spaceKey).map(RegisteredPerson::identity).map(i -> i.birthDate());
    }

    private LocalDate today() {
        return clock.instant().atZone(PARIS).toLocalDate();
    }

    private static Instant start(LocalDate from) {
        return from.atStartOfDay(PARIS).toInstant();
    }

    private static Instant end(LocalDate to) {
        return to.plusDays(1).atStartOfDay(PARIS).toInstant().minusSeconds(1);
    }

    private void allowed(Actor actor, String spaceKey, Action action, String element) {
        Space space = spaces.find(spaceKey).orElseThrow(SpaceNotFoundException::new);
        guard.require(new AccessRequest(actor, space.access(), Resource.profile(false), action,
                Optional.empty()), element);
    }
}
