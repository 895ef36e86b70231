package fr.espacesante.populationadmin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import fr.espacesante.aws.http.ApiError;
import fr.espacesante.aws.http.HttpApi;
import fr.espacesante.domain.population.ImportRun;
import fr.espacesante.domain.port.out.ImportHistory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * GET /admin/population/imports[?limite=n] — latest import runs, newest first.
 * GET /admin/population/imports/{importId} — one run with its counts and report location.
 */
public final class ImportRunsHandler implements Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final String LIST = "GET /admin/population/imports";
    static final String ONE = "GET /admin/population/imports/{importId}";
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final ImportHistory history;
    private final String adminScope;

    public ImportRunsHandler(ImportHistory history, String adminScope) {
        this.history = history;
        this.adminScope = adminScope;
    }

    @Override
    public APIGatewayV2HTTPResponse apply(APIGatewayV2HTTPEvent event) {
        return HttpApi.handle(event, request -> {
            HttpApi.requireScope(request, adminScope);
            return switch (String.valueOf(request.getRouteKey())) {
                case LIST -> HttpApi.json(200, Map.of("imports",
                        history.latest(HttpApi.limit(HttpApi.queryParameter(request, "limite"), DEFAULT_LIMIT, MAX_LIMIT))
                                .stream().map(ImportRunsHandler::view).toList()));
                case ONE -> HttpApi.json(200, view(history.find(HttpApi.pathParameter(request, "importId").orElse(""))
                        .orElseThrow(() -> ApiError.notFound("IMPORT_INCONNU", "Aucun import ne porte cet identifiant."))));
                default -> throw ApiError.notFound("ROUTE_INCONNUE", "Cette adresse n'existe pas.");
            };
        });
    }

    private static Map<String, Object> view(ImportRun run) {
        var s = run.summary();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("importId", run.importId());
        view.put("fichier", run.file().name());
        view.put("debut", run.startedAt().toString());
        view.put("fin", run.finishedAt().toString());
        view.put("lignesLues", s.read());
        view.put("personnesCreees", s.created());
        view.put("coordonneesMisesAJour", s.updated());
        view.put("inchangees", s.unchanged());
        view.put("rejetees", s.rejected());
        view.put("complet", s.complete());
        view.put("erreurFichier", s.fileError().orElse(null));
        view.put("rapport", run.reportLocation());
        return view;
    }
}
