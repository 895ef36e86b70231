package fr.espacesante.domain.access;

import fr.espacesante.domain.text.TypedText;
import java.util.Optional;

/**
 * One request to a space.
 *
 * @param emergencyJustification the written justification of an emergency access, when one is opened:
 *                               printable text of at most {@value #MAX_JUSTIFICATION} characters, since it
 *                               is kept in the patient's history and e-mailed to them
 */
public record AccessRequest(Actor actor, SpaceAccess space, Resource resource, Action action,
                            Optional<String> emergencyJustification) {

    public static final int MAX_JUSTIFICATION = 2000;

    /**
     * READ; ADD something new (a document, a profile entry, a message); WRITE — change or remove what
     * is there (hide, delete, release, settings).
     */
    public enum Action { READ, ADD, WRITE }

    public AccessRequest {
        emergencyJustification = emergencyJustification.filter(j -> !j.isBlank())
                .map(j -> TypedText.paragraph(j, "justification", MAX_JUSTIFICATION));
    }
}
