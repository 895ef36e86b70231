package fr.espacesante.domain.catalogue.port.out;

import fr.espacesante.domain.catalogue.ReferencedService;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The referenced services, and the audit of the operators' changes to them. */
public interface Catalogue {

    /** A change an operator made: loaded (created or changed), suspended, dereferenced. */
    record Change(String serviceId, Instant at, String operator, String change, long version) {
    }

    List<ReferencedService> all();

    Optional<ReferencedService> find(String serviceId);

    /** Stores the entry and its audit line together. */
    void save(ReferencedService service, Change change);

    List<Change> changes(String serviceId);
}
