package fr.espacesante.domain.access;

/**
 * What is asked for in a space. Documents carry their author and visibility flags.
 *
 * @param authorRpps the professional who deposited the document, or with whom the conversation is held; or null
 * @param heldBackFromPatient deposited hidden from the patient until discussed with them
 * @param hiddenByPatient hidden by the patient from professionals
 * @param hiddenFromLegalRepresentatives a minor's document not shown to the parents
 */
public record Resource(Kind kind, String authorRpps, boolean heldBackFromPatient, boolean hiddenByPatient,
                       boolean hiddenFromLegalRepresentatives) {

    public enum Kind {
        /** The space as a whole: what a professional opens before reading anything in it. */
        SPACE,
        /** A document of the shared medical record (DMP). */
        DOCUMENT,
        /** The medical profile: allergies, history, treatments, measurements. */
        PROFILE,
        /** Secure messaging conversations. */
        MESSAGES,
        /** The health agenda. */
        AGENDA,
        /** Who may access and how: treating doctor, blocked professionals, emergency setting. */
        SETTINGS,
        /** The consents recorded at the point of care: declared by a professional, revoked by the patient. */
        CONSENT,
        /** The access history of the space. */
        ACCESS_HISTORY,
        /** The space's own state and life: reading whether it is open, closing it, asking for its deletion, reopening it. */
        LIFECYCLE,
        /** The caregivers the patient named, and the invitations sent. */
        CAREGIVERS,
        /** The whole record taken out of the space (an export). */
        EXPORT,
        /** The catalogue's services the patient connected: connecting one, revoking it. */
        SERVICES
    }

    public static Resource of(Kind kind) {
        if (kind == Kind.DOCUMENT) {
            throw new IllegalArgumentException("a document needs its author and flags");
        }
        return new Resource(kind, null, false, false, false);
    }

    /**
     * A conversation of the secure messaging, with the professional it is held with.
     *
     * @param hiddenFromLegalRepresentatives the professional flagged it hidden from a minor's parents
     */
    public static Resource conversation(String professionalRpps, boolean hiddenFromLegalRepresentatives) {
        return new Resource(Kind.MESSAGES, professionalRpps, false, false, hiddenFromLegalRepresentatives);
    }

    /**
     * The medical profile, or one of its sections.
     *
     * @param hiddenByPatient a section the patient hid from professionals (the treating doctor still reads it)
     */
    public static Resource profile(boolean hiddenByPatient) {
        return new Resource(Kind.PROFILE, null, false, hiddenByPatient, false);
    }

    public static Resource document(String authorRpps, boolean heldBackFromPatient, boolean hiddenByPatient,
                                    boolean hiddenFromLegalRepresentatives) {
        return new Resource(Kind.DOCUMENT, authorRpps, heldBackFromPatient, hiddenByPatient,
                hiddenFromLegalRepresentatives);
    }

    boolean isDocument() {
        return kind == Kind.DOCUMENT;
    }

    /**
     * Settings, access history, the space's life, its caregivers and its export belong to the patient
     * (and a parent acting for them) only.
     */
    boolean isPatientOnly() {
        return kind == Kind.SETTINGS || kind == Kind.ACCESS_HISTORY || kind == Kind.LIFECYCLE || kind == Kind.CAREGIVERS
                || kind == Kind.EXPORT || kind == Kind.SERVICES;
    }

    /**
     * What a caregiver helps with: the record's content (documents, profile, agenda, messages), opening
     * it, and connecting a service of the catalogue for the person helped.
     */
    boolean isCareContent() {
        return kind == Kind.SPACE || kind == Kind.DOCUMENT || kind == Kind.PROFILE || kind == Kind.AGENDA
                || kind == Kind.MESSAGES || kind == Kind.SERVICES;
    }

    /** What the owner still reaches in a closed space: its state, to reopen it or have it deleted. */
    boolean reachableWhenClosed() {
        return kind == Kind.LIFECYCLE;
    }

    /** What the patient can hide from professionals: a document, a section of the profile. */
    boolean hiddenFromProfessionals() {
        return (kind == Kind.DOCUMENT || kind == Kind.PROFILE) && hiddenByPatient;
    }

    boolean isConversation() {
        return kind == Kind.MESSAGES;
    }

    boolean isConsent() {
        return kind == Kind.CONSENT;
    }
}
