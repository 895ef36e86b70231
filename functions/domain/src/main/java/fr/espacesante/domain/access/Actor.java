package fr.espacesante.domain.access;

/** Who asks: identities come from verified tokens, re-checked by the function before reaching here. */
public sealed interface Actor {

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

    /** A health-insurance operator (admin scope): runs the service, never reads health data. */
    record Operator(String agentId) implements Actor {
    }
}
