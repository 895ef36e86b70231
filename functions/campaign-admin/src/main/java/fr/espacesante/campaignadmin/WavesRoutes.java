package fr.espacesante.campaignadmin;

import fr.espacesante.aws.http.ApiError;
import fr.espacesante.aws.http.ApiRequest;
import fr.espacesante.aws.http.ApiResponse;
import fr.espacesante.aws.http.Caller.Operator;
import fr.espacesante.aws.http.Callers;
import fr.espacesante.aws.http.Fields;
import fr.espacesante.aws.http.HttpFunction;
import fr.espacesante.domain.campaign.Wave;
import fr.espacesante.domain.campaign.WavePlan;
import fr.espacesante.domain.campaign.WavePlanning;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * POST /admin/vagues — plan a wave; GET /admin/vagues — every wave with its live progress;
 * GET /admin/vagues/{waveId}; POST /admin/vagues/{waveId}/{suspension|reprise|annulation}.
 */
final class WavesRoutes {

    static final String PLAN = "POST /admin/vagues";
    static final String LIST = "GET /admin/vagues";
    static final String ONE = "GET /admin/vagues/{waveId}";
    static final String PAUSE = "POST /admin/vagues/{waveId}/suspension";
    static final String RESUME = "POST /admin/vagues/{waveId}/reprise";
    static final String CANCEL = "POST /admin/vagues/{waveId}/annulation";

    private static final Pattern WAVE_ID = Pattern.compile("vague-[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9a-f]{8}");
    private static final int MAX_DEPARTMENTS = 110;

    private final WavePlanning planning;

    WavesRoutes(WavePlanning planning) {
        this.planning = planning;
    }

    HttpFunction routes(Callers callers) {
        return new HttpFunction(callers)
                .on(PLAN, Operator.class, (operator, request) ->
                        ApiResponse.created(WaveView.of(planning.plan(plan(request.jsonBody()), operator.agent()))))
                .on(LIST, Operator.class, (operator, request) ->
                        ApiResponse.ok(new Waves(planning.all().stream().map(WaveView::of).toList())))
                .on(ONE, Operator.class, (operator, request) -> ApiResponse.ok(WaveView.of(planning.get(waveId(request)))))
                .on(PAUSE, Operator.class, (operator, request) -> ApiResponse.ok(WaveView.of(planning.pause(waveId(request)))))
                .on(RESUME, Operator.class, (operator, request) -> ApiResponse.ok(WaveView.of(planning.resume(waveId(request)))))
                .on(CANCEL, Operator.class, (operator, request) -> ApiResponse.ok(WaveView.of(planning.cancel(waveId(request)))));
    }

    private static String waveId(ApiRequest request) {
        return Fields.identifier(request.pathParameter("waveId"), "waveId", WAVE_ID);
    }

    private static WavePlan plan(JsonNode body) {
        List<String> departments = new ArrayList<>();
        JsonNode list = body.get("departements");
        if (list != null && !list.isNull()) {
            if (!list.isArray() || list.size() > MAX_DEPARTMENTS) {
                throw ApiError.invalid("CHAMP_INVALIDE", "Le champ « departements » doit être une liste de codes de département.");
            }
            for (JsonNode d : list) {
                if (!d.isString() || d.asString().length() > 3) {
                    throw ApiError.invalid("CHAMP_INVALIDE", "Le champ « departements » doit être une liste de codes de département.");
                }
                departments.add(d.asString().strip().toUpperCase(Locale.ROOT));
            }
        }
        boolean all = Fields.optionalBool(body, "tousNonNotifies").orElse(false);
        return new WavePlan(departments, all, Fields.date(body, "debut"),
                Fields.optionalText(body, "fin", 10).map(f -> Fields.date(f, "fin")),
                (int) Fields.number(body, "parJour", 1, Integer.MAX_VALUE),
                (int) Fields.number(body, "parMinute", 1, Integer.MAX_VALUE));
    }

    record Progress(long ciblees, long envoyeesParEmail, long envoyeesParCourrier, long echecs, long oppositions,
                    long espacesCrees) {
    }

    record WaveView(String id, String statut, List<String> departements, String debut, String fin, int parJour,
                    int parMinute, Progress progression, String creeeLe, String creeePar) {
        static WaveView of(Wave wave) {
            var p = wave.progress();
            return new WaveView(wave.waveId(), wave.status().name(),
                    wave.allNotYetNotified() ? List.of("tous") : wave.departments(), wave.startDate().toString(),
                    wave.endDate().map(Object::toString).orElse(null), wave.perDay(), wave.perMinute(),
                    new Progress(p.targeted(), p.sentByEmail(), p.sentByLetter(), p.failed(), p.objected(), p.spacesCreated()),
                    wave.createdAt().toString(), wave.createdBy() == null ? "" : wave.createdBy());
        }
    }

    record Waves(List<WaveView> vagues) {
    }
}
