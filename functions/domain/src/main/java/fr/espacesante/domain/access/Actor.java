package fr.espacesante.domain.access;

/** Who asks: identities come from verified tokens, re-checked by the function before reaching here. */
public sealed interface Actor {

    /** Who entered something in the space, as the patient's own pages name them. */
    default String enteredBy() {
        return switch (this) {
            case Patient p -> "patient";
            case LegalRepresentative r -> "représentant légal";
            case Caregiver c -> c.name() + " (aidant)";
            default -> "autre";
        };
    }

    /** An insured person acting for themself. */
    record Patient(String personKey) implements Actor {
    }

    /** A parent acting for a minor whose space is attached to their account. */
    record LegalRepresentative(String personKey) implements Actor {
    }

    /**
     * A health professional, as Pro Santé Connect vouches for them.
     *
     * @param rpps the 11-digit RPPS number from the token; anything else is an unverified identity
     */
    record Professional(String rpps, String name, String profession, boolean emergencySetting) implements Actor {

        /** RPPS numbers are 11 digits; a token without one cannot act as a professional. */
        public boolean identityVerified() {
            return rpps != null && rpps.length() == 11 && rpps.chars().allMatch(c -> c >= '0' && c <= '9')
                    && profession != null && !profession.isBlank();
        }
    }

    /**
     * A caregiver (« aidant ») the patient named, acting in the patient's space with their own login.
     *
     * @param name the caregiver's name as their history entries and documents show it
     */
    record Caregiver(String personKey, String name) implements Actor {
    }

    /**
     * A referenced service of the catalogue the patient connected, calling the FHIR API (client
     * credentials). What the patient's grant and the catalogue allow for this call is worked out
     * before asking the policy ({@code fr.espacesante.domain.catalogue.ServiceCalls}).
     *
     * @param purposes the purposes the patient connected it for, as the history shows them
     * @param online the catalogue lists it online (not suspended, not dereferenced)
     * @param permitted the patient's grant, as it stands, covers this data and this action
     */
    record Service(String serviceId, String name, String purposes, boolean online, boolean permitted) implements Actor {
    }

    /** A health-insurance operator (admin scope): runs the service, never reads health data. */
    record Operator(String agentId) implements Actor {
    }
}
