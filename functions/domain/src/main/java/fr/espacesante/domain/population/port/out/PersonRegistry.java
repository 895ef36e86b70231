package fr.espacesante.domain.population.port.out;

import fr.espacesante.domain.person.RegistryPerson;
import java.util.List;

/** Where imported persons are kept, by keyed hash of their NIR. */
public interface PersonRegistry {

    /** What storing a registry line did to the stored person. */
    enum StoreOutcome {
        /** New person, status IMPORTED. */
        CREATED,
        /** Known person whose contact details changed; nothing else was touched. */
        CONTACT_UPDATED,
        /** Known person, same contact details: nothing written. */
        UNCHANGED,
        /** Known person whose stored name or birth date differ: left as is and reported. */
        IDENTITY_DIFFERS
    }

    /**
     * Stores a batch of at most {@link #maxBatchSize()} persons with distinct keys, never overwriting
     * the state a stored person has reached. Safe to call concurrently and to replay.
     *
     * <p>Each person comes with the origin of its line (import, range and line), which the store keeps
     * with what that line wrote: a line replayed after a crash is then counted as what it did the first
     * time (created, updated), not as unchanged, so a run's counts stay exact.
     *
     * @return one outcome per person, in the batch's order
     */
    List<StoreOutcome> store(List<RegistryPerson> batch, List<String> origins);

    int maxBatchSize();
}
