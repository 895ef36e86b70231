package fr.espacesante.domain.access;

/** The rules of "who may see what", each with the stable id shown to the patient in the access history. */
public enum AccessRule {
    OWNER("titulaire", "Le titulaire de l'espace"),
    LEGAL_REPRESENTATIVE("representant-legal", "Un représentant légal agissant pour un mineur"),
    CAREGIVER("aidant", "Un aidant désigné par le patient"),
    BEYOND_CAREGIVER("hors-role-aidant", "Un aidant ne gère ni les accès, ni les aidants, ni la vie de l'espace, "
            + "et ne masque ni ne supprime de document"),
    TREATING_DOCTOR("medecin-traitant", "Le médecin traitant désigné par le patient"),
    CONSENT("consentement", "Un professionnel autorisé par le patient lors d'une prise en charge"),
    CONSENT_DECLARATION("declaration-consentement", "Un professionnel déclare le consentement recueilli lors d'une prise en charge"),
    EMERGENCY("bris-de-glace", "Un accès en urgence justifié"),
    DOCUMENT_AUTHOR("auteur-document", "L'auteur du document"),
    CONVERSATION_PARTICIPANT("interlocuteur-conversation", "Le professionnel avec qui la conversation a lieu"),
    SPACE_CLOSED("espace-ferme", "L'espace a été clôturé par son titulaire"),
    BLOCKED("professionnel-bloque", "Le patient a bloqué ce professionnel"),
    HIDDEN_BY_PATIENT("document-masque", "Le patient a masqué ce document, ou cette rubrique du profil, aux professionnels"),
    PROFILE_BY_PATIENT("profil-tenu-par-le-patient", "Le profil médical est tenu par le patient : un professionnel le lit, "
            + "il dépose des documents"),
    HELD_BACK("document-en-attente", "Document en attente d'une consultation d'annonce"),
    HIDDEN_FROM_REPRESENTATIVES("document-masque-representants",
            "Document ou conversation du mineur masqué à ses représentants légaux"),
    PATIENT_ONLY("reserve-au-patient", "Réservé au patient"),
    EMERGENCY_DISABLED("urgence-desactivee", "Le patient a désactivé l'accès en urgence"),
    EMERGENCY_WITHOUT_JUSTIFICATION("urgence-sans-justification", "Un accès en urgence exige une justification écrite"),
    UNVERIFIED_PROFESSIONAL("professionnel-non-identifie", "L'identité professionnelle (RPPS) n'a pas pu être vérifiée"),
    SERVICE_CATALOGUE("service-catalogue", "Un service du catalogue que le patient a connecté, dans les limites de son autorisation"),
    SERVICE_UNAVAILABLE("service-suspendu", "Le service est suspendu ou n'est plus référencé au catalogue"),
    OUTSIDE_SERVICE_GRANT("hors-autorisation-service", "Le patient n'a pas autorisé ce service pour ces données"),
    NO_HEALTH_DATA_FOR_OPERATORS("operateur-sans-donnees-de-sante", "Les opérateurs n'accèdent pas aux données de santé"),
    NO_AUTHORISATION("sans-autorisation", "Aucune autorisation du patient");

    private final String id;
    private final String label;

    AccessRule(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** Stable identifier, shown to the patient and stored in the access history. */
    public String id() {
        return id;
    }

    /** French wording for the patient. */
    public String label() {
        return label;
    }
}
