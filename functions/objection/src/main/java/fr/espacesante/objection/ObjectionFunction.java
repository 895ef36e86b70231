package fr.espacesante.objection;

import fr.espacesante.aws.function.Registrations;
import fr.espacesante.aws.http.ApiResponse;
import fr.espacesante.aws.http.Caller.Anonymous;
import fr.espacesante.aws.http.Fields;
import fr.espacesante.aws.http.HttpFunction;
import fr.espacesante.domain.campaign.Objection;
import fr.espacesante.domain.campaign.ObjectionReceipt;
import fr.espacesante.domain.nir.Nir;
import fr.espacesante.domain.space.AttemptGuard;
import fr.espacesante.domain.space.SpaceActivation.IdentityProof;
import java.time.Duration;
import java.util.List;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The public objection API Lambda (no login): {@code POST /opposition/code {"code"}} and
 * {@code POST /opposition/identite {"ins","dateNaissance","nomNaissance"}}, throttled by the gateway
 * and limited per client address (as API Gateway saw it), code and person.
 */
public class ObjectionFunction implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String FUNCTION_NAME = "objection";
    static final String BY_CODE = "POST /opposition/code";
    static final String BY_IDENTITY = "POST /opposition/identite";

    /**
     * Failed attempts: 20 per client address per hour; 5 per code and 5 per person (identity) per
     * day — a person cannot be locked out of objecting for long, and guessing stays out of reach.
     */
    static final List<AttemptGuard.Limit> LIMITS = List.of(
            new AttemptGuard.Limit("opposition-client:", 20, Duration.ofHours(1)),
            new AttemptGuard.Limit("opposition-code:", 5, Duration.ofDays(1)),
            new AttemptGuard.Limit("opposition-personne:", 5, Duration.ofDays(1)));

    @Override
    public void initialize(GenericApplicationContext context) {
        Registrations.http(context, FUNCTION_NAME, (adapters, callers) -> {
            var objection = new Objection(adapters.codes(), adapters.nirProtection(), adapters.ledger(), adapters.persons(),
                    adapters.objections(), new AttemptGuard(adapters.attemptCounters(), adapters.clock(), LIMITS),
                    adapters.campaignAudit(), adapters.mailer(), adapters.campaignNotices(), adapters.clock());
            return new HttpFunction(callers)
                    .on(BY_CODE, Anonymous.class, (client, request) -> answer(
                            objection.withCode(Fields.text(request.jsonBody(), "code", 32), client.clientAddress())))
                    .on(BY_IDENTITY, Anonymous.class, (client, request) -> {
                        JsonNode body = request.jsonBody();
                        return answer(objection.withIdentity(new IdentityProof(Nir.parse(Fields.text(body, "ins", 30)),
                                Fields.date(body, "dateNaissance"), Fields.text(body, "nomNaissance", 100)),
                                client.clientAddress()));
                    });
        });
    }

    private static ApiResponse answer(ObjectionReceipt receipt) {
        return new ApiResponse(receipt.alreadyRecorded() ? 200 : 201, new Receipt(receipt.reference(),
                receipt.alreadyRecorded()
                        ? "Votre opposition était déjà enregistrée. Aucun espace santé ne sera créé automatiquement pour vous."
                        : "Votre opposition est enregistrée. Aucun espace santé ne sera créé automatiquement pour vous.",
                receipt.confirmationEmailed()));
    }

    record Receipt(String reference, String message, boolean confirmationParEmail) {
    }
}
