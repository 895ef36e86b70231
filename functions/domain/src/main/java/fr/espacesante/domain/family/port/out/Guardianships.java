package fr.espacesante.domain.family.port.out;

import fr.espacesante.domain.family.Guardianship;
import java.util.List;
import java.util.Optional;

/** The minors' spaces attached to parents' accounts. */
public interface Guardianships {

    enum AttachOutcome {
        ATTACHED,
        /** This parent was already attached: nothing changed. */
        ALREADY_ATTACHED,
        /** The child's space is attached to another parent's account. */
        ATTACHED_TO_ANOTHER_PARENT
    }

    /**
     * Records the guardianship and makes the parent the legal representative of the child's
     * (existing) space, both or neither, and only if no other parent is attached.
     */
    AttachOutcome attach(Guardianship guardianship);

    List<Guardianship> ofParent(String parentKey);

    Optional<Guardianship> find(String parentKey, String reference);
}
