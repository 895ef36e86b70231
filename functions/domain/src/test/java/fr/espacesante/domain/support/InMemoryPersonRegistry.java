package fr.espacesante.domain.support;

import fr.espacesante.domain.person.RegistryPerson;
import fr.espacesante.domain.population.port.out.PersonRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The registry port over a map, with the same merge rules as the DynamoDB adapter. */
public class InMemoryPersonRegistry implements PersonRegistry {
    public final Map<String, RegistryPerson> persons = new ConcurrentHashMap<>();
    private final int maxBatchSize;

    public InMemoryPersonRegistry(int maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }

    @Override
    public synchronized List<StoreOutcome> store(List<RegistryPerson> batch) {
        List<StoreOutcome> outcomes = new ArrayList<>();
        for (RegistryPerson person : batch) {
            RegistryPerson stored = persons.get(person.personKey());
            if (stored == null) {
                persons.put(person.personKey(), person);
                outcomes.add(StoreOutcome.CREATED);
            } else if (!stored.identity().equals(person.identity())) {
                outcomes.add(StoreOutcome.IDENTITY_DIFFERS);
            } else if (stored.contact().equals(person.contact())) {
                outcomes.add(StoreOutcome.UNCHANGED);
            } else {
                persons.put(person.personKey(), new RegistryPerson(stored.personKey(), stored.sealedNir(),
                        stored.identity(), person.contact()));
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
