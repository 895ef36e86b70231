package fr.espacesante.domain.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service of the catalogue, referenced by the operator (the Agence du numérique en santé's
 * selection): who makes it, what it is for, its state, and per purpose what it asks to read and write.
 *
 * @param version moves each time the operator loads a changed entry; a grant names the version it accepted
 * @param changedAt when the entry last changed what it asks
 */
public record ReferencedService(String serviceId, String name, String editor, String description, List<String> categories,
                                State state, Map<Purpose, Access> purposes, long version, Instant changedAt) {

    public enum State { ONLINE, SUSPENDED, DEREFERENCED }

    /** What the service asks, for one purpose. */
    public record Access(Set<DataScope> read, Set<DataScope> write) {
        public Access {
            read = Set.copyOf(read);
            write = Set.copyOf(write);
        }
    }

    public ReferencedService {
        categories = List.copyOf(categories);
        purposes = Map.copyOf(purposes);
    }

    /** Same entry, as far as a patient's consent is concerned (what it is and what it asks). */
    public boolean asksTheSameAs(ReferencedService other) {
        return purposes.equals(other.purposes);
    }

    public ReferencedService withState(State newState) {
        return new ReferencedService(serviceId, name, editor, description, categories, newState, purposes, version, changedAt);
    }
}
