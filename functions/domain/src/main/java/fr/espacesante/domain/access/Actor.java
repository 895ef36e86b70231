package fr.espacesante.domain.access;

/** Who asks: identities come from verified tokens, re-checked by the function before reaching here. */
public sealed interface Actor {

    /** An insured person acting for themself. */
    record Patient(String personKey) implements Actor {
    }

    /** A parent acting for a minor whose space is attached to their account. */
    record LegalRepresentative(String personKey) implements Actor {
    }

    /** A health professional, as Pro Santé Connect vouches for them. */
    record Professional(String rpps, String name, String profession, boolean emergencySetting) implements Actor {
    }

    /** A health-insurance operator (admin scope): runs the service, never reads health data. */
    record Operator(String agentId) implements Actor {
    }
}
