package fr.espacesante.profile;

import fr.espacesante.aws.http.ApiError;
import fr.espacesante.aws.http.ApiRequest;
import fr.espacesante.aws.http.ApiResponse;
import fr.espacesante.aws.http.Caller.Citizen;
import fr.espacesante.aws.http.Caller.Professional;
import fr.espacesante.aws.http.Callers;
import fr.espacesante.aws.http.Fields;
import fr.espacesante.aws.http.HttpFunction;
import fr.espacesante.domain.access.AccessRequest;
import fr.espacesante.domain.family.Representation;
import fr.espacesante.domain.nir.Nir;
import fr.espacesante.domain.profile.Measurement;
import fr.espacesante.domain.profile.MeasurementType;
import fr.espacesante.domain.profile.MedicalProfile;
import fr.espacesante.domain.profile.ProfileEntry;
import fr.espacesante.domain.profile.ProfileSection;
import fr.espacesante.domain.profile.ProfileView;
import fr.espacesante.domain.profile.SectionField;
import fr.espacesante.domain.profile.SectionState;
import fr.espacesante.domain.profile.Vaccine;
import fr.espacesante.domain.profile.port.out.ProfileBook;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The medical profile API: {@code /espace/profil…} for the patient, a parent ({@code ?enfant=}) or a
 * caregiver ({@code ?aide=}); {@code /pro/profil…} for professionals, the INS in the body.
 */
final class ProfileRoutes {

    static final String READ = "GET /espace/profil";
    static final String SPECIFICATION = "GET /espace/profil/rubriques";
    static final String ADD = "POST /espace/profil/rubriques/{section}";
    static final String SET = "PUT /espace/profil/rubriques/{section}";
    static final String REPLACE = "PUT /espace/profil/rubriques/{section}/{entryId}";
    static final String REMOVE = "DELETE /espace/profil/rubriques/{section}/{entryId}";
    static final String NOT_CONCERNED = "PUT /espace/profil/non-concerne/{section}";
    static final String CONCERNED = "DELETE /espace/profil/non-concerne/{section}";
    static final String HIDE = "PUT /espace/profil/masquage";
    static final String MEASURE = "POST /espace/profil/mesures";
    static final String SERIES = "GET /espace/profil/mesures/{type}";
    static final String UNMEASURE = "DELETE /espace/profil/mesures/{type}/{measurementId}";
    static final String SUMMARY = "POST /espace/profil/synthese";
    static final String PRO_READ = "POST /pro/profil";
    static final String PRO_SERIES = "POST /pro/profil/mesures";

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Pattern SECTION_CODE = Pattern.compile("[a-z-]{3,30}");
    private static final Pattern ENTRY_ID = Pattern.compile("valeur|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern MEASUREMENT_ID = Pattern.compile("[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}");
    private static final int MAX_VALUE_LENGTH = 2_000;

    private final MedicalProfile profile;
    private final Representation representation;

    ProfileRoutes(MedicalProfile profile, Representation representation) {
        this.profile = profile;
        this.representation = representation;
    }

    HttpFunction routes(Callers callers) {
        return new HttpFunction(callers)
                .on(READ, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    return ApiResponse.ok(Page.of(profile.read(acting.actor(), acting.spaceKey()), true));
                })
                .on(SPECIFICATION, Citizen.class, (citizen, request) -> ApiResponse.ok(Specification.INSTANCE))
                .on(ADD, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    ProfileSection section = section(request);
                    return ApiResponse.created(EntryView.of(section, profile.add(acting.actor(), acting.spaceKey(), section,
                            values(request.jsonBody()))));
                })
                .on(SET, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    ProfileSection section = section(request);
                    return ApiResponse.ok(EntryView.of(section, profile.set(acting.actor(), acting.spaceKey(), section,
                            values(request.jsonBody()))));
                })
                .on(REPLACE, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    ProfileSection section = section(request);
                    return ApiResponse.ok(EntryView.of(section, profile.replace(acting.actor(), acting.spaceKey(), section,
                            entryId(request), values(request.jsonBody()))));
                })
                .on(REMOVE, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    profile.remove(acting.actor(), acting.spaceKey(), section(request), entryId(request));
                    return ApiResponse.ok(Map.of("supprime", true));
                })
                .on(NOT_CONCERNED, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    JsonNode body = request.jsonBody();
                    LocalDate since = Fields.optionalText(body, "depuis", 10).map(d -> Fields.date(d, "depuis"))
                            .orElse(LocalDate.now(PARIS));
                    profile.declareNotConcerned(acting.actor(), acting.spaceKey(), section(request), since);
                    return ApiResponse.ok(Map.of("nonConcerneDepuis", since.toString()));
                })
                .on(CONCERNED, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    profile.withdrawNotConcerned(acting.actor(), acting.spaceKey(), section(request));
                    return ApiResponse.ok(Map.of("nonConcerne", false));
                })
                .on(HIDE, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    Set<ProfileSection> hidden = sections(request.jsonBody());
                    profile.hideFromProfessionals(acting.actor(), acting.spaceKey(), hidden);
                    return ApiResponse.ok(Map.of("masquees", hidden.stream().map(ProfileSection::code).sorted().toList()));
                })
                .on(MEASURE, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    return ApiResponse.created(MeasurementView.of(profile.measure(acting.actor(), acting.spaceKey(),
                            measurement(request.jsonBody()))));
                })
                .on(SERIES, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    LocalDate to = request.query("au").map(d -> Fields.date(d, "au")).orElse(LocalDate.now(PARIS));
                    LocalDate from = request.query("du").map(d -> Fields.date(d, "du")).orElse(to.minusYears(1));
                    Fields.requireOrdered(Optional.of(from), Optional.of(to));
                    return ApiResponse.ok(SeriesView.of(profile.series(acting.actor(), acting.spaceKey(), type(request), from, to,
                            Fields.limit(request.query("limite"), 200, 1_000), request.query("curseur"))));
                })
                .on(UNMEASURE, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    profile.removeMeasurement(acting.actor(), acting.spaceKey(), type(request),
                            Fields.identifier(request.pathParameter("measurementId"), "measurementId", MEASUREMENT_ID));
                    return ApiResponse.ok(Map.of("supprimee", true));
                })
                .on(SUMMARY, Citizen.class, (citizen, request) -> {
                    request.optionalEmptyBody();
                    var acting = acting(citizen, request);
                    MedicalProfile.Summary summary = profile.summary(acting.actor(), acting.spaceKey());
                    return ApiResponse.created(new SummaryView(summary.document().documentId(), summary.document().title(),
                            summary.download().toString()));
                })
                .on(PRO_READ, Professional.class, (pro, request) -> {
                    JsonNode body = request.jsonBody();
                    return ApiResponse.ok(Page.of(profile.readAsProfessional(pro.actor(), ins(body), justification(body)), false));
                })
                .on(PRO_SERIES, Professional.class, (pro, request) -> {
                    JsonNode body = request.jsonBody();
                    MeasurementType type = MeasurementType.ofCode(Fields.text(body, "type", 30));
                    LocalDate to = Fields.optionalText(body, "au", 10).map(d -> Fields.date(d, "au")).orElse(LocalDate.now(PARIS));
                    LocalDate from = Fields.optionalText(body, "du", 10).map(d -> Fields.date(d, "du")).orElse(to.minusYears(1));
                    Fields.requireOrdered(Optional.of(from), Optional.of(to));
                    return ApiResponse.ok(SeriesView.of(profile.seriesAsProfessional(pro.actor(), ins(body), justification(body), type,
                            from, to, Fields.limit(body, 200, 1_000), Fields.optionalText(body, "curseur", 500))));
                });
    }

    private Representation.Acting acting(Citizen citizen, ApiRequest request) {
        return representation.actingIn(citizen.subject(), Fields.childReference(request), Fields.helpedReference(request));
    }

    private static Nir ins(JsonNode body) {
        return Nir.parse(Fields.text(body, "ins", 30));
    }

    private static Optional<String> justification(JsonNode body) {
        return Fields.optionalParagraph(body, "justificationUrgence", AccessRequest.MAX_JUSTIFICATION);
    }

    private static ProfileSection section(ApiRequest request) {
        return ProfileSection.ofCode(Fields.identifier(request.pathParameter("section"), "section", SECTION_CODE));
    }

    private static String entryId(ApiRequest request) {
        return Fields.identifier(request.pathParameter("entryId"), "entryId", ENTRY_ID);
    }

    private static MeasurementType type(ApiRequest request) {
        return MeasurementType.ofCode(Fields.identifier(request.pathParameter("type"), "type", SECTION_CODE));
    }

    /** The body is the entry: an object of texts by field name (null or blank: not given). */
    private static Map<String, String> values(JsonNode body) {
        if (!body.isObject()) {
            throw ApiError.invalid("CORPS_INVALIDE", "Le corps de la requête doit être un objet JSON.");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (var field : body.properties()) {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (!value.isString()) {
                throw ApiError.invalid("CHAMP_INVALIDE", "Chaque champ de la rubrique est un texte.");
            }
            if (value.asString().length() > MAX_VALUE_LENGTH) {
                throw ApiError.invalid("TEXTE_TROP_LONG", "Un champ compte au plus " + MAX_VALUE_LENGTH + " caractères.");
            }
            values.put(field.getKey(), value.asString());
        }
        return values;
    }

    private static Set<ProfileSection> sections(JsonNode body) {
        JsonNode list = body.get("rubriques");
        if (list == null || !list.isArray() || list.size() > ProfileSection.values().length) {
            throw ApiError.invalid("CHAMP_INVALIDE", "« rubriques » est la liste des rubriques à masquer aux professionnels.");
        }
        Set<ProfileSection> sections = EnumSet.noneOf(ProfileSection.class);
        for (JsonNode code : list) {
            if (!code.isString()) {
                throw ApiError.invalid("CHAMP_INVALIDE", "« rubriques » est une liste de codes de rubrique.");
            }
            sections.add(ProfileSection.ofCode(code.asString()));
        }
        return sections;
    }

    /** {@code type}, {@code valeur} (a number), {@code valeur2} (the diastolic, for a blood pressure), {@code prisLe} (Paris time). */
    private static MedicalProfile.NewMeasurement measurement(JsonNode body) {
        MeasurementType type = MeasurementType.ofCode(Fields.text(body, "type", 30));
        String takenAt = Fields.text(body, "prisLe", 19);
        LocalDateTime at;
        try {
            at = LocalDateTime.parse(takenAt.length() == 16 ? takenAt + ":00" : takenAt);
        } catch (DateTimeParseException e) {
            throw ApiError.invalid("DATE_INVALIDE", "« prisLe » s'écrit AAAA-MM-JJTHH:MM (heure de Paris).");
        }
        return new MedicalProfile.NewMeasurement(type, decimal(body, "valeur").orElseThrow(() ->
                ApiError.invalid("CHAMP_MANQUANT", "Le champ « valeur » est obligatoire.")), decimal(body, "valeur2"),
                at.atZone(PARIS).toInstant());
    }

    private static Optional<BigDecimal> decimal(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw ApiError.invalid("NOMBRE_INVALIDE", "Le champ « " + field + " » doit être un nombre.");
        }
        BigDecimal decimal = value.decimalValue();
        if (decimal.precision() > 12) {
            throw ApiError.invalid("NOMBRE_INVALIDE", "Le champ « " + field + " » doit être un nombre.");
        }
        return Optional.of(decimal);
    }

    // ------------------------------------------------------------------ views

    record EntryView(String id, Map<String, String> valeurs, Map<String, String> libelles, String saisiLe, String saisiPar) {
        static EntryView of(ProfileSection section, ProfileEntry entry) {
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, String> labels = new LinkedHashMap<>();
            for (SectionField field : section.fields()) {
                String value = entry.values().get(field.name());
                if (value != null) {
                    values.put(field.name(), value);
                    labels.put(field.name(), field.display(value));
                }
            }
            return new EntryView(entry.entryId(), values, labels, entry.enteredAt().toString(), entry.enteredBy());
        }
    }

    record SectionView(String code, String titre, boolean liste, String nonConcerneDepuis, Boolean masqueeAuxProfessionnels,
                       List<EntryView> elements) {
    }

    record MeasurementView(String id, String type, String libelle, String valeur, String valeur2, String unite, String ucum,
                           String loinc, String prisLe, String source) {
        static MeasurementView of(Measurement m) {
            return new MeasurementView(m.measurementId(), m.type().code(), m.type().label(), m.value().toPlainString(),
                    m.diastolic().map(BigDecimal::toPlainString).orElse(null), m.type().unitLabel(), m.type().ucum(),
                    m.type().loinc(), m.takenAt().atZone(PARIS).toLocalDateTime().toString(), m.source());
        }
    }

    /** The profile page: sections in order, the last value of each measurement, the BMI; what is hidden, for the patient side. */
    record Page(List<SectionView> rubriques, List<MeasurementView> dernieresMesures, String imc) {
        static Page of(ProfileView view, boolean patientSide) {
            List<SectionView> sections = Arrays.stream(ProfileSection.values()).filter(view.sections()::containsKey).map(s -> {
                SectionState state = view.sections().get(s);
                return new SectionView(s.code(), s.title(), s.isList(), state.notConcernedSince().map(LocalDate::toString).orElse(null),
                        patientSide ? view.hiddenFromProfessionals().contains(s) : null,
                        state.entries().stream().map(e -> EntryView.of(s, e)).toList());
            }).toList();
            List<MeasurementView> latest = Arrays.stream(MeasurementType.values()).filter(view.latest()::containsKey)
                    .map(t -> MeasurementView.of(view.latest().get(t))).toList();
            return new Page(sections, latest, view.bmi().map(BigDecimal::toPlainString).orElse(null));
        }
    }

    record SeriesView(List<MeasurementView> valeurs, String suivant) {
        static SeriesView of(ProfileBook.SeriesPage page) {
            return new SeriesView(page.values().stream().map(MeasurementView::of).toList(), page.cursor().orElse(null));
        }
    }

    record SummaryView(String documentId, String titre, String url) {
    }

    /** What the web builds its forms from: sections and their fields, measurement types, vaccines. */
    record Specification(List<SectionSpec> rubriques, List<MeasurementSpec> mesures, List<ChoiceSpec> vaccins) {
        static final Specification INSTANCE = new Specification(
                Arrays.stream(ProfileSection.values()).map(s -> new SectionSpec(s.code(), s.title(), s.isList(),
                        s.fields().stream().map(f -> new FieldSpec(f.name(), f.label(), f.type().name(), f.required(), f.maxLength(),
                                f.choices().stream().map(c -> new ChoiceSpec(c.code(), c.label())).toList())).toList())).toList(),
                Arrays.stream(MeasurementType.values()).map(t -> new MeasurementSpec(t.code(), t.label(), t.unitLabel(), t.ucum(),
                        t.loinc(), t.min().toPlainString(), t.max().toPlainString(), t.decimals(), t.derived(), t.paired(),
                        t.childrenOnly())).toList(),
                Arrays.stream(Vaccine.values()).map(v -> new ChoiceSpec(v.code(), v.label())).toList());
    }

    record SectionSpec(String code, String titre, boolean liste, List<FieldSpec> champs) {
    }

    record FieldSpec(String nom, String libelle, String type, boolean obligatoire, int longueurMax, List<ChoiceSpec> choix) {
    }

    record ChoiceSpec(String code, String libelle) {
    }

    record MeasurementSpec(String type, String libelle, String unite, String ucum, String loinc, String min, String max,
                           int decimales, boolean calculee, boolean deuxValeurs, boolean enfant) {
    }
}
