package fr.espacesante.domain.support;

import fr.espacesante.domain.person.RegistryPerson;
import fr.espacesante.domain.population.port.out.PersonRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The registry port over a map, with the same merge and replay rules as the DynamoDB adapter. */
public class InMemoryPersonRegistry implements PersonRegistry {
    public final Map<String, RegistryPerson> persons = new ConcurrentHashMap<>();
    private final Map<String, String> createdBy = new ConcurrentHashMap<>();
    private final Map<String, String> updatedBy = new ConcurrentHashMap<>();
    private final int maxBatchSize;

    public InMemoryPersonRegistry(int maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }

    @Override
    public synchronized List<StoreOutcome> store(List<RegistryPerson> batch, List<String> origins) {
        List<StoreOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            RegistryPerson person = batch.get(i);
            String origin = origins.get(i);
            RegistryPerson stored = persons.get(person.personKey());
            if (stored == null) {
                persons.put(person.personKey(), person);
                createdBy.put(person.personKey(), origin);
                outcomes.add(StoreOutcome.CREATED);
            } else if (!stored.identity().equals(person.identity())) {
                outcomes.add(StoreOutcome.IDENTITY_DIFFERS);
            } else if (origin.equals(createdBy.get(person.personKey()))) {
                outcomes.add(StoreOutcome.CREATED);
            } else if (stored.contact().equals(person.contact())) {
                outcomes.add(origin.equals(updatedBy.get(person.personKey()))
                        ? StoreOutcome.CONTACT_UPDATED : StoreOutcome.UNCHANGED);
            } else {
                persons.put(person.personKey(), new RegistryPerson(stored.personKey(), stored.sealedNir(),
                        stored.identity(), person.contact()));
                updatedBy.put(person.personKey(), origin);
                outcomes.add(StoreOutcome.CONTACT_UPDATED);
            }
        }
        return outcomes;
    }

    @Override
    public int maxBatchSize() {
        return maxBatchSize;
    }
}
