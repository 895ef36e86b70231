package fr.espacesante.agenda;

import fr.espacesante.aws.http.ApiError;
import fr.espacesante.aws.http.ApiRequest;
import fr.espacesante.aws.http.ApiResponse;
import fr.espacesante.aws.http.Caller.Anonymous;
import fr.espacesante.aws.http.Caller.Citizen;
import fr.espacesante.aws.http.Callers;
import fr.espacesante.aws.http.Fields;
import fr.espacesante.aws.http.HttpFunction;
import fr.espacesante.domain.agenda.AgendaItem;
import fr.espacesante.domain.agenda.AgendaSubscriptions;
import fr.espacesante.domain.agenda.PreventionCalendar;
import fr.espacesante.domain.agenda.HealthAgenda;
import fr.espacesante.domain.agenda.port.out.AgendaBook;
import fr.espacesante.domain.family.Representation;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The health agenda API under {@code /espace/agenda…}: appointments and reminders, Paris dates and times. */
final class AgendaRoutes {

    static final String LIST = "GET /espace/agenda";
    static final String ADD = "POST /espace/agenda";
    static final String UPDATE = "PUT /espace/agenda/{itemId}";
    static final String DELETE = "DELETE /espace/agenda/{itemId}";
    static final String PREVENTION = "GET /espace/agenda/prevention";
    static final String MARK_PREVENTION = "PUT /espace/agenda/prevention/{code}";
    static final String SUBSCRIPTION = "GET /espace/agenda/abonnement";
    static final String SUBSCRIBE = "POST /espace/agenda/abonnement";
    static final String UNSUBSCRIBE = "DELETE /espace/agenda/abonnement";
    /** Public: the calendar app has no login, the unguessable token is the credential. */
    static final String FEED = "GET /calendrier/{jeton}";

    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern PREVENTION_CODE = Pattern.compile("[a-z0-9-]{2,40}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    private final HealthAgenda agenda;
    private final PreventionCalendar prevention;
    private final AgendaSubscriptions subscriptions;
    private final Representation representation;
    private final String apiUrl;

    /** @param apiUrl the public address the API is served on (the web space's: one CloudFront origin), which the subscription address starts with */
    AgendaRoutes(HealthAgenda agenda, PreventionCalendar prevention, AgendaSubscriptions subscriptions,
                 Representation representation, String apiUrl) {
        this.agenda = agenda;
        this.prevention = prevention;
        this.subscriptions = subscriptions;
        this.representation = representation;
        this.apiUrl = apiUrl;
    }

    HttpFunction routes(Callers callers) {
        return new HttpFunction(callers)
                .on(LIST, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    LocalDate from = request.query("du").map(d -> Fields.date(d, "du")).orElse(LocalDate.now().minusMonths(1));
                    return ApiResponse.ok(PageView.of(agenda.list(acting.actor(), acting.spaceKey(), from,
                            Fields.limit(request.query("limite"), 50, 100), request.query("curseur"))));
                })
                .on(ADD, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    return ApiResponse.created(EntryView.of(agenda.add(acting.actor(), acting.spaceKey(), entry(request.jsonBody()))));
                })
                .on(UPDATE, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    return ApiResponse.ok(EntryView.of(agenda.update(acting.actor(), acting.spaceKey(), itemId(request),
                            entry(request.jsonBody()))));
                })
                .on(DELETE, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    agenda.delete(acting.actor(), acting.spaceKey(), itemId(request));
                    return ApiResponse.ok(Map.of("supprimee", true));
                })
                .on(PREVENTION, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    return ApiResponse.ok(new PreventionView(prevention.calendar(acting.actor(), acting.spaceKey()).stream()
                            .map(PreventionItemView::of).toList()));
                })
                .on(MARK_PREVENTION, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    JsonNode body = request.jsonBody();
                    PreventionCalendar.Status status = switch (Fields.text(body, "statut", 20)) {
                        case "A_PLANIFIER" -> PreventionCalendar.Status.TO_PLAN;
                        case "FAIT" -> PreventionCalendar.Status.DONE;
                        case "NON_CONCERNE" -> PreventionCalendar.Status.NOT_CONCERNED;
                        default -> throw ApiError.invalid("STATUT_INCONNU", "Le statut est A_PLANIFIER, FAIT ou NON_CONCERNE.");
                    };
                    Optional<LocalDate> doneOn = Fields.optionalText(body, "faitLe", 10).map(d -> Fields.date(d, "faitLe"));
                    return ApiResponse.ok(PreventionItemView.of(prevention.mark(acting.actor(), acting.spaceKey(),
                            Fields.identifier(request.pathParameter("code"), "code", PREVENTION_CODE), status, doneOn)));
                })
                .on(SUBSCRIPTION, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    return ApiResponse.ok(subscriptions.current(acting.actor(), acting.spaceKey())
                            .map(s -> new SubscriptionView(true, s.createdAt().toString(), null))
                            .orElse(new SubscriptionView(false, null, null)));
                })
                .on(SUBSCRIBE, Citizen.class, (citizen, request) -> {
                    request.optionalEmptyBody();
                    var acting = acting(citizen, request);
                    String token = subscriptions.subscribe(acting.actor(), acting.spaceKey());
                    return ApiResponse.created(new SubscriptionView(true, null, apiUrl + "/calendrier/" + token));
                })
                .on(UNSUBSCRIBE, Citizen.class, (citizen, request) -> {
                    var acting = acting(citizen, request);
                    subscriptions.revoke(acting.actor(), acting.spaceKey());
                    return ApiResponse.ok(new SubscriptionView(false, null, null));
                })
                .on(FEED, Anonymous.class, (client, request) -> ApiResponse.raw("text/calendar; charset=utf-8",
                        IcsFeed.of(subscriptions.feed(Fields.identifier(request.pathParameter("jeton"), "jeton", TOKEN)))));
    }

    private Representation.Acting acting(Citizen citizen, ApiRequest request) {
        return representation.actingIn(citizen.subject(), Fields.childReference(request), Fields.helpedReference(request));
    }

    /**
     * {@code type} RENDEZ_VOUS | RAPPEL, {@code titre}, {@code date} (YYYY-MM-DD), {@code heure} (HH:MM, Paris),
     * optional {@code rpps}, {@code finess}, {@code specialite}, {@code adresse}, {@code note}, {@code statut}
     * PREVU | FAIT | ANNULE, {@code rappel} (default true) and {@code rappelJoursAvant} (0–7, default 1).
     */
    private static HealthAgenda.Entry entry(JsonNode body) {
        AgendaItem.Kind kind = switch (Fields.text(body, "type", 20)) {
            case "RENDEZ_VOUS" -> AgendaItem.Kind.APPOINTMENT;
            case "RAPPEL" -> AgendaItem.Kind.REMINDER;
            default -> throw ApiError.invalid("TYPE_INCONNU", "Le type est RENDEZ_VOUS ou RAPPEL.");
        };
        AgendaItem.Status status = switch (Fields.optionalText(body, "statut", 10).orElse("PREVU")) {
            case "PREVU" -> AgendaItem.Status.PLANNED;
            case "FAIT" -> AgendaItem.Status.DONE;
            case "ANNULE" -> AgendaItem.Status.CANCELLED;
            default -> throw ApiError.invalid("STATUT_INCONNU", "Le statut est PREVU, FAIT ou ANNULE.");
        };
        String time = Fields.text(body, "heure", 5);
        if (!TIME.matcher(time).matches()) {
            throw ApiError.invalid("HEURE_INVALIDE", "L'heure s'écrit HH:MM, de 00:00 à 23:59.");
        }
        LocalDateTime at;
        try {
            at = LocalDateTime.of(Fields.date(body, "date"), LocalTime.parse(time));
        } catch (DateTimeParseException e) {
            throw ApiError.invalid("HEURE_INVALIDE", "L'heure s'écrit HH:MM, de 00:00 à 23:59.");
        }
        boolean remind = Fields.optionalBool(body, "rappel").orElse(true);
        Optional<Integer> days = remind ? Optional.of((int) (body.has("rappelJoursAvant") && !body.get("rappelJoursAvant").isNull()
                ? Fields.number(body, "rappelJoursAvant", 0, 7) : HealthAgenda.DEFAULT_DAYS_BEFORE)) : Optional.empty();
        return new HealthAgenda.Entry(kind, Fields.text(body, "titre", 200), Fields.optionalText(body, "rpps", 11),
                Fields.optionalText(body, "finess", 9), Fields.optionalText(body, "specialite", 100), at,
                Fields.optionalText(body, "adresse", 300), status, optionalParagraph(body, "note"), days);
    }

    private static Optional<String> optionalParagraph(JsonNode body, String field) {
        return body.has(field) && !body.get(field).isNull() ? Optional.of(Fields.paragraph(body, field, 2_000)) : Optional.empty();
    }

    private static String itemId(ApiRequest request) {
        return Fields.identifier(request.pathParameter("itemId"), "itemId", UUID_SHAPE);
    }

    record EntryView(String id, String type, String titre, String rpps, String finess, String specialite, String date,
                     String heure, String adresse, String statut, String note, Integer rappelJoursAvant, String rappelLe) {
        static EntryView of(AgendaItem i) {
            return new EntryView(i.itemId(), i.kind() == AgendaItem.Kind.APPOINTMENT ? "RENDEZ_VOUS" : "RAPPEL", i.title(),
                    i.rpps().orElse(null), i.finess().orElse(null), i.speciality().orElse(null), i.at().toLocalDate().toString(),
                    i.at().toLocalTime().toString(), i.address().orElse(null), switch (i.status()) {
                        case PLANNED -> "PREVU";
                        case DONE -> "FAIT";
                        case CANCELLED -> "ANNULE";
                    }, i.note().orElse(null), i.remindDaysBefore().orElse(null),
                    i.remindAt().map(Object::toString).orElse(null));
        }
    }

    record PreventionItemView(String code, String categorie, String libelle, String du, String au, String statut, String faitLe,
                              boolean depasse, String source) {
        static PreventionItemView of(PreventionCalendar.Item i) {
            return new PreventionItemView(i.code(), switch (i.rule().category()) {
                case VACCINATION -> "VACCINATION";
                case SCREENING -> "DEPISTAGE";
                case DENTAL -> "DENTAIRE";
                case CHILD_EXAMINATION -> "EXAMEN_ENFANT";
            }, i.rule().label(), i.from().toString(), i.until().minusDays(1).toString(), switch (i.status()) {
                case TO_PLAN -> "A_PLANIFIER";
                case DONE -> "FAIT";
                case NOT_CONCERNED -> "NON_CONCERNE";
            }, i.doneOn().map(LocalDate::toString).orElse(null), i.overdue(), i.rule().source());
        }
    }

    record PreventionView(List<PreventionItemView> elements) {
    }

    /** @param adresse the subscription address, given once when created (only its hash is kept) */
    record SubscriptionView(boolean actif, String creeLe, String adresse) {
    }

    record PageView(List<EntryView> entrees, String suivant) {
        static PageView of(AgendaBook.Page page) {
            return new PageView(page.items().stream().map(EntryView::of).toList(), page.cursor().orElse(null));
        }
    }
}
