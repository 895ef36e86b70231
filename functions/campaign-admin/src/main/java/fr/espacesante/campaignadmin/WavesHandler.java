package fr.espacesante.campaignadmin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import fr.espacesante.aws.http.ApiError;
import fr.espacesante.aws.http.HttpApi;
import fr.espacesante.domain.campaign.InvalidWavePlanException;
import fr.espacesante.domain.campaign.Wave;
import fr.espacesante.domain.campaign.WavePlan;
import fr.espacesante.domain.campaign.WavePlanning;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * POST /admin/vagues — plan a wave; GET /admin/vagues — every wave with its live progress;
 * GET /admin/vagues/{waveId}; POST /admin/vagues/{waveId}/{suspension|reprise|annulation}.
 */
public final class WavesHandler implements Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final String PLAN = "POST /admin/vagues";
    static final String LIST = "GET /admin/vagues";
    static final String ONE = "GET /admin/vagues/{waveId}";
    static final String PAUSE = "POST /admin/vagues/{waveId}/suspension";
    static final String RESUME = "POST /admin/vagues/{waveId}/reprise";
    static final String CANCEL = "POST /admin/vagues/{waveId}/annulation";

    private final WavePlanning planning;
    private final String adminScope;

    public WavesHandler(WavePlanning planning, String adminScope) {
        this.planning = planning;
        this.adminScope = adminScope;
    }

    @Override
    public APIGatewayV2HTTPResponse apply(APIGatewayV2HTTPEvent event) {
        return HttpApi.handle(event, request -> {
            HttpApi.requireScope(request, adminScope);
            try {
                return switch (String.valueOf(request.getRouteKey())) {
                    case PLAN -> HttpApi.json(201, view(planning.plan(plan(HttpApi.body(request)),
                            HttpApi.claims(request).getOrDefault("sub", "operateur"))));
                    case LIST -> HttpApi.json(200, Map.of("vagues", planning.all().stream().map(WavesHandler::view).toList()));
                    case ONE -> HttpApi.json(200, view(planning.get(waveId(request))));
                    case PAUSE -> HttpApi.json(200, view(planning.pause(waveId(request))));
                    case RESUME -> HttpApi.json(200, view(planning.resume(waveId(request))));
                    case CANCEL -> HttpApi.json(200, view(planning.cancel(waveId(request))));
                    default -> throw ApiError.notFound("ROUTE_INCONNUE", "Cette adresse n'existe pas.");
                };
            } catch (InvalidWavePlanException e) {
                throw ApiError.badRequest("VAGUE_INVALIDE", e.getMessage());
            } catch (WavePlanning.UnknownWaveException e) {
                throw ApiError.notFound("VAGUE_INCONNUE", "Aucune vague ne porte cet identifiant.");
            } catch (WavePlanning.WaveStateException e) {
                throw new ApiError(409, "ETAT_VAGUE", e.getMessage());
            }
        });
    }

    private static String waveId(APIGatewayV2HTTPEvent request) {
        return HttpApi.pathParameter(request, "waveId").orElse("");
    }

    private static WavePlan plan(JsonNode body) {
        List<String> departments = new ArrayList<>();
        JsonNode list = body.get("departements");
        if (list != null && list.isArray()) {
            list.forEach(d -> departments.add(d.asString().strip().toUpperCase(java.util.Locale.ROOT)));
        }
        boolean all = body.has("tousNonNotifies") && body.get("tousNonNotifies").asBoolean();
        return new WavePlan(departments, all, date(HttpApi.text(body, "debut"), "debut"),
                HttpApi.optionalText(body, "fin").map(f -> date(f, "fin")),
                positive(body, "parJour"), positive(body, "parMinute"));
    }

    private static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("DATE_INVALIDE", "Le champ « " + field + " » doit être une date AAAA-MM-JJ.");
        }
    }

    private static int positive(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isInt() || value.asInt() < 1) {
            throw ApiError.badRequest("CHAMP_INVALIDE", "Le champ « " + field + " » doit être un entier positif.");
        }
        return value.asInt();
    }

    static Map<String, Object> view(Wave wave) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", wave.waveId());
        view.put("statut", wave.status().name());
        view.put("departements", wave.allNotYetNotified() ? List.of("tous") : wave.departments());
        view.put("debut", wave.startDate().toString());
        view.put("fin", wave.endDate().map(Object::toString).orElse(null));
        view.put("parJour", wave.perDay());
        view.put("parMinute", wave.perMinute());
        var p = wave.progress();
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("ciblees", p.targeted());
        progress.put("envoyeesParEmail", p.sentByEmail());
        progress.put("envoyeesParCourrier", p.sentByLetter());
        progress.put("echecs", p.failed());
        progress.put("oppositions", p.objected());
        progress.put("espacesCrees", p.spacesCreated());
        view.put("progression", progress);
        view.put("creeeLe", wave.createdAt().toString());
        view.put("creeePar", Optional.ofNullable(wave.createdBy()).orElse(""));
        return view;
    }
}
