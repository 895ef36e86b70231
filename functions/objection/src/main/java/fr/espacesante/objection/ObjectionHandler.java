package fr.espacesante.objection;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import fr.espacesante.aws.http.ApiError;
import fr.espacesante.aws.http.HttpApi;
import fr.espacesante.domain.campaign.Objection;
import fr.espacesante.domain.campaign.ObjectionReceipt;
import fr.espacesante.domain.campaign.SpaceAlreadyCreatedException;
import fr.espacesante.domain.nir.Nir;
import fr.espacesante.domain.space.SpaceActivation.IdentityProof;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * POST /opposition/code {"code"} and POST /opposition/identite {"ins","dateNaissance","nomNaissance"}:
 * public routes (no token), throttled by the gateway and limited per client, code and person.
 */
public final class ObjectionHandler implements Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final String BY_CODE = "POST /opposition/code";
    static final String BY_IDENTITY = "POST /opposition/identite";

    private final Objection objection;

    public ObjectionHandler(Objection objection) {
        this.objection = objection;
    }

    @Override
    public APIGatewayV2HTTPResponse apply(APIGatewayV2HTTPEvent event) {
        return HttpApi.handle(event, request -> {
            JsonNode body = HttpApi.body(request);
            String client = HttpApi.sourceIp(request);
            try {
                ObjectionReceipt receipt = switch (String.valueOf(request.getRouteKey())) {
                    case BY_CODE -> objection.withCode(HttpApi.text(body, "code"), client);
                    case BY_IDENTITY -> objection.withIdentity(new IdentityProof(Nir.parse(HttpApi.text(body, "ins")),
                            date(HttpApi.text(body, "dateNaissance")), HttpApi.text(body, "nomNaissance")), client);
                    default -> throw ApiError.notFound("ROUTE_INCONNUE", "Cette adresse n'existe pas.");
                };
                return HttpApi.json(receipt.alreadyRecorded() ? 200 : 201, view(receipt));
            } catch (SpaceAlreadyCreatedException e) {
                throw new ApiError(409, "ESPACE_DEJA_CREE", "Votre espace santé est déjà créé : vous pouvez le fermer "
                        + "à tout moment depuis ses paramètres, ou demander sa suppression.");
            }
        });
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("DATE_INVALIDE", "La date de naissance doit être au format AAAA-MM-JJ.");
        }
    }

    private static Map<String, Object> view(ObjectionReceipt receipt) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("reference", receipt.reference());
        view.put("message", receipt.alreadyRecorded()
                ? "Votre opposition était déjà enregistrée. Aucun espace santé ne sera créé automatiquement pour vous."
                : "Votre opposition est enregistrée. Aucun espace santé ne sera créé automatiquement pour vous.");
        view.put("confirmationParEmail", receipt.confirmationEmailed());
        return view;
    }
}
