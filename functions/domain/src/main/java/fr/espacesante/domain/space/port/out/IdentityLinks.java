package fr.espacesante.domain.space.port.out;

import java.time.Instant;
import java.util.Optional;

/** The once-and-for-all link between a citizen login (OIDC {@code sub}) and an insured person. */
public interface IdentityLinks {

    enum LinkOutcome {
        LINKED,
        /** This login was already linked to this person: nothing changed. */
        ALREADY_LINKED,
        /** This login is linked to another person. */
        SUBJECT_LINKED_ELSEWHERE,
        /** This person is linked to another login. */
        PERSON_LINKED_ELSEWHERE
    }

    Optional<String> personKeyOf(String subject);

    /** Links both ways atomically: either both sides are written or neither. */
    LinkOutcome link(String subject, String personKey, Instant at);
}
