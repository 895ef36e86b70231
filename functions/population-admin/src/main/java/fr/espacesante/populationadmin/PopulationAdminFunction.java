package fr.espacesante.populationadmin;

import fr.espacesante.aws.function.Registrations;
import fr.espacesante.aws.http.ApiError;
import fr.espacesante.aws.http.ApiResponse;
import fr.espacesante.aws.http.Caller.Operator;
import fr.espacesante.aws.http.Fields;
import fr.espacesante.aws.http.HttpFunction;
import fr.espacesante.aws.population.DynamoDbImportHistory;
import fr.espacesante.domain.population.ImportRun;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The operators' view of registry imports (admin scope): {@code GET /admin/population/imports[?limite=n]},
 * the latest runs newest first, and {@code GET /admin/population/imports/{importId}}, one run.
 */
public class PopulationAdminFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "populationAdmin";
    static final String LIST = "GET /admin/population/imports";
    static final String ONE = "GET /admin/population/imports/{importId}";
    private static final Pattern IMPORT_ID = Pattern.compile("[0-9A-Za-z._-]{1,128}");

    @Override
    public void initialize(GenericApplicationContext context) {
        Registrations.http(context, FUNCTION_NAME, (adapters, callers) -> {
            var history = new DynamoDbImportHistory(adapters.enhanced(), adapters.dynamoDb(), adapters.env("IMPORT_RUNS_TABLE"));
            return new HttpFunction(callers)
                    .on(LIST, Operator.class, (operator, request) -> ApiResponse.ok(new Imports(
                            history.latest(Fields.limit(request.query("limite"), 20, 100)).stream().map(Run::of).toList())))
                    .on(ONE, Operator.class, (operator, request) -> ApiResponse.ok(Run.of(history
                            .find(Fields.identifier(request.pathParameter("importId"), "importId", IMPORT_ID))
                            .orElseThrow(() -> ApiError.notFound("IMPORT_INCONNU", "Aucun import ne porte cet identifiant.")))));
        });
    }

    /** A run; while it is in progress, {@code fin} and {@code rapport} are null and the counts are those of the ranges done. */
    record Run(String importId, String fichier, String debut, String fin, boolean termine, int plages,
               int plagesImportees, int plagesAbandonnees, long lignesLues, long personnesCreees,
               long coordonneesMisesAJour, long inchangees, long rejetees, boolean complet, String erreurFichier,
               String rapport) {
        static Run of(ImportRun run) {
            var s = run.summary();
            var progress = run.progress();
            return new Run(run.importId(), run.file().name(), run.startedAt().toString(),
                    run.finishedAt() == null ? null : run.finishedAt().toString(), run.finished(), progress.total(),
                    progress.done().size(), progress.abandoned().size(), s.read(), s.created(), s.updated(),
                    s.unchanged(), s.rejected(), run.finished() && s.complete(), s.fileError().orElse(null),
                    run.reportLocation());
        }
    }

    record Imports(List<Run> imports) {
    }
}
