package fr.espacesante.domain.space.port.out;

import fr.espacesante.domain.space.RegisteredPerson;
import java.time.Instant;
import java.util.Optional;

/** Imported persons as the space lifecycle reads and moves them. */
public interface PersonDirectory {

    Optional<RegisteredPerson> find(String personKey);

    /** The person's space now exists; a later sweep or wave leaves them alone. */
    void markSpaceCreated(String personKey, Instant at);
}
