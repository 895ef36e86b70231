package fr.espacesante.aws.http;

import fr.espacesante.domain.access.Actor;

/**
 * Who is calling, resolved once per request from the verified token of the API Gateway event
 * ({@link Callers}); every route names the kind of caller it serves.
 */
public sealed interface Caller {

    /** A citizen login (FranceConnect through Cognito): the login's subject, never a NIR. */
    record Citizen(String subject) implements Caller {
    }

    /** A health professional as Pro Santé Connect states them; the access policy re-checks RPPS and profession. */
    record Professional(Actor.Professional actor) implements Caller {
    }

    /** A health-insurance operator holding the admin scope. */
    record Operator(String agent) implements Caller {
    }

    /**
     * A referenced service of the catalogue (OAuth2 client credentials): its id, and the SMART scopes
     * its token carries (e.g. {@code patient/Observation.rs}).
     */
    record Service(String serviceId, java.util.Set<String> scopes) implements Caller {
    }

    /** No token (public routes): only the client address API Gateway saw, for attempt limits. */
    record Anonymous(String clientAddress) implements Caller {
    }
}
