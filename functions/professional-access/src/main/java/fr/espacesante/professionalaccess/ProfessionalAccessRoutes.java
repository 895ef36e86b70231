package fr.espacesante.professionalaccess;

import fr.espacesante.aws.http.ApiResponse;
import fr.espacesante.aws.http.Caller.Professional;
import fr.espacesante.aws.http.Callers;
import fr.espacesante.aws.http.Fields;
import fr.espacesante.aws.http.HttpFunction;
import fr.espacesante.domain.access.AccessDecision;
import fr.espacesante.domain.access.AccessRequest;
import fr.espacesante.domain.access.ProfessionalAccess;
import fr.espacesante.domain.nir.Nir;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The professional API (Pro Santé Connect token). The patient is addressed by INS in the request
 * body, never in the path (paths end up in access logs). RPPS and profession come from the verified
 * token claims and are re-checked by the policy: a token without them is refused and recorded.
 */
final class ProfessionalAccessRoutes {

    static final String OPEN = "POST /pro/patients/ouverture";
    static final String EMERGENCY = "POST /pro/patients/acces-urgence";
    static final String CONSENT = "POST /pro/patients/consentement";

    private final ProfessionalAccess access;

    ProfessionalAccessRoutes(ProfessionalAccess access) {
        this.access = access;
    }

    HttpFunction routes(Callers callers) {
        return new HttpFunction(callers)
                .on(OPEN, Professional.class, (pro, request) ->
                        ApiResponse.ok(Opening.of(access.open(pro.actor(), ins(request.jsonBody()), Optional.empty()))))
                .on(EMERGENCY, Professional.class, (pro, request) -> {
                    JsonNode body = request.jsonBody();
                    return ApiResponse.ok(Opening.of(access.open(pro.actor(), ins(body),
                            Optional.of(Fields.paragraph(body, "justification", AccessRequest.MAX_JUSTIFICATION)))));
                })
                .on(CONSENT, Professional.class, (pro, request) ->
                        ApiResponse.created(Decision.of(access.declareConsent(pro.actor(), ins(request.jsonBody())))));
    }

    private static Nir ins(JsonNode body) {
        return Nir.parse(Fields.text(body, "ins", 30));
    }

    record Decision(boolean autorise, String regle, String motif) {
        static Decision of(AccessDecision decision) {
            return new Decision(decision.allowed(), decision.rule().id(), decision.reason());
        }
    }

    /** The opening decision, and for each kind of content whether this professional may read it. */
    record Opening(Decision ouverture, Map<String, Decision> lecture) {
        static Opening of(ProfessionalAccess.SpaceOpening opening) {
            Map<String, Decision> readable = new LinkedHashMap<>();
            opening.readable().forEach((kind, decision) -> readable.put(kind.name(), Decision.of(decision)));
            return new Opening(Decision.of(opening.opening()), readable);
        }
    }
}
