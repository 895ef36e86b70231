package fr.espacesante.domain.space;

import fr.espacesante.domain.person.ContactDetails;
import fr.espacesante.domain.person.Identity;
import fr.espacesante.domain.person.PersonStatus;

/** A person of the registry as the space lifecycle sees them: who they are, how to reach them, where they stand. */
public record RegisteredPerson(String personKey, Identity identity, ContactDetails contact, PersonStatus status) {
}
