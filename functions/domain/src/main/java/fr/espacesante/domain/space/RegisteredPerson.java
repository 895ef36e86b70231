package fr.espacesante.domain.space;

import fr.espacesante.domain.person.ContactDetails;
import fr.espacesante.domain.person.Identity;
import fr.espacesante.domain.person.PersonStatus;
import java.util.Optional;

/**
 * A person of the registry as the space lifecycle sees them: who they are, how to reach them, where they stand.
 *
 * @param notifiedBy the wave that notified them, once NOTIFIED
 */
public record RegisteredPerson(String personKey, Identity identity, ContactDetails contact, PersonStatus status,
                               Optional<String> notifiedBy) {
}
