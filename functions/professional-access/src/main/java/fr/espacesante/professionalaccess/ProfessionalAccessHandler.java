package fr.espacesante.professionalaccess;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import fr.espacesante.aws.http.ApiError;
import fr.espacesante.aws.http.HttpApi;
import fr.espacesante.domain.access.AccessDecision;
import fr.espacesante.domain.access.Actor;
import fr.espacesante.domain.access.ProfessionalAccess;
import fr.espacesante.domain.nir.Nir;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The professional API (Pro Santé Connect token). The patient is addressed by INS in the request
 * body, never in the path (paths end up in access logs). RPPS and profession come from the verified
 * token claims and are re-checked by the policy: a token without them is refused and recorded.
 */
public final class ProfessionalAccessHandler implements Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final String OPEN = "POST /pro/patients/ouverture";
    static final String EMERGENCY = "POST /pro/patients/acces-urgence";
    static final String CONSENT = "POST /pro/patients/consentement";

    private final ProfessionalAccess access;
    private final String professionalIssuer;

    public ProfessionalAccessHandler(ProfessionalAccess access, String professionalIssuer) {
        this.access = access;
        this.professionalIssuer = professionalIssuer;
    }

    @Override
    public APIGatewayV2HTTPResponse apply(APIGatewayV2HTTPEvent event) {
        return HttpApi.handle(event, request -> {
            HttpApi.requireIssuer(request, professionalIssuer);
            Actor.Professional professional = HttpApi.professional(request);
            JsonNode body = HttpApi.body(request);
            Nir ins = Nir.parse(HttpApi.text(body, "ins"));
            return switch (String.valueOf(request.getRouteKey())) {
                case OPEN -> HttpApi.json(200, view(access.open(professional, ins, Optional.empty())));
                case EMERGENCY -> HttpApi.json(200, view(access.open(professional, ins,
                        Optional.of(HttpApi.text(body, "justification")))));
                case CONSENT -> HttpApi.json(201, decision(access.declareConsent(professional, ins)));
                default -> throw ApiError.notFound("ROUTE_INCONNUE", "Cette adresse n'existe pas.");
            };
        });
    }

    private static Map<String, Object> view(ProfessionalAccess.SpaceOpening opening) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("ouverture", decision(opening.opening()));
        Map<String, Object> readable = new LinkedHashMap<>();
        opening.readable().forEach((kind, decision) -> readable.put(kind.name(), decision(decision)));
        view.put("lecture", readable);
        return view;
    }

    private static Map<String, Object> decision(AccessDecision decision) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("autorise", decision.allowed());
        view.put("regle", decision.rule().id());
        view.put("motif", decision.reason());
        return view;
    }
}
