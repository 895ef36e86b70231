package fr.espacesante.domain.access;

import java.util.Optional;

/**
 * One request to a space.
 *
 * @param emergencyJustification the written justification of an emergency access, when one is opened
 */
public record AccessRequest(Actor actor, SpaceAccess space, Resource resource, Action action,
                            Optional<String> emergencyJustification) {

    public enum Action { READ, WRITE }
}
