package fr.espacesante.domain.profile;

import fr.espacesante.domain.error.DomainException;

/** A change of the medical profile refused: nothing stored. */
public class ProfileException extends DomainException {

    public enum Reason {
        UNKNOWN_SECTION(Kind.NOT_FOUND, "RUBRIQUE_INCONNUE", "Cette rubrique du profil médical n'existe pas."),
        NOT_A_LIST(Kind.INVALID, "RUBRIQUE_UNIQUE", "Cette rubrique a une seule valeur : elle se remplace, elle ne s'ajoute pas."),
        A_LIST(Kind.INVALID, "RUBRIQUE_LISTE", "Cette rubrique est une liste : ajoutez-y un élément."),
        UNKNOWN_FIELD(Kind.INVALID, "CHAMP_INCONNU", "Ce champ n'existe pas dans cette rubrique."),
        MISSING_FIELD(Kind.INVALID, "CHAMP_MANQUANT", "Un champ obligatoire de la rubrique manque."),
        UNKNOWN_CHOICE(Kind.INVALID, "VALEUR_INCONNUE", "Cette valeur ne fait pas partie des choix proposés."),
        INVALID_DATE(Kind.INVALID, "DATE_INVALIDE", "La date s'écrit AAAA-MM-JJ."),
        FUTURE_DATE(Kind.INVALID, "DATE_FUTURE", "Cette date ne peut pas être dans le futur."),
        BEFORE_BIRTH(Kind.INVALID, "DATE_AVANT_NAISSANCE", "Cette date est antérieure à la naissance."),
        END_BEFORE_START(Kind.INVALID, "DATES_INVERSEES", "La date de fin précède la date de début."),
        UNKNOWN_VACCINE(Kind.INVALID, "VACCIN_INCONNU",
                "Vaccin inconnu : choisissez-le dans la liste, ou indiquez AUTRE avec son nom en clair."),
        INVALID_PHONE(Kind.INVALID, "TELEPHONE_INVALIDE", "Le numéro de téléphone compte 10 chiffres (ou +33 et 9 chiffres)."),
        UNKNOWN_DOCUMENT(Kind.INVALID, "DOCUMENT_INCONNU", "Ce document n'est pas un document disponible de l'espace."),
        SECTION_FULL(Kind.CONFLICT, "RUBRIQUE_PLEINE", "Cette rubrique compte déjà 50 éléments."),
        NOT_EMPTY(Kind.CONFLICT, "RUBRIQUE_NON_VIDE",
                "La rubrique contient des éléments : retirez-les avant de la déclarer « non concerné »."),
        UNKNOWN_ENTRY(Kind.NOT_FOUND, "ELEMENT_INCONNU", "Aucun élément de cette rubrique ne porte cet identifiant."),
        CHANGED_MEANWHILE(Kind.CONFLICT, "MODIFIE_ENTRE_TEMPS", "Le profil a été modifié entre-temps : réessayez."),
        UNKNOWN_MEASUREMENT(Kind.NOT_FOUND, "MESURE_INCONNUE", "Ce type de mesure n'existe pas."),
        DERIVED_MEASUREMENT(Kind.INVALID, "MESURE_CALCULEE", "L'IMC se calcule à partir du poids et de la taille : il ne se saisit pas."),
        OUT_OF_RANGE(Kind.INVALID, "VALEUR_HORS_LIMITES", "Cette valeur est hors des limites plausibles pour cette mesure."),
        TOO_PRECISE(Kind.INVALID, "VALEUR_TROP_PRECISE", "Cette mesure a trop de décimales."),
        DIASTOLIC_ABOVE_SYSTOLIC(Kind.INVALID, "DIASTOLIQUE_SUPERIEURE",
                "La pression diastolique (minima) doit être inférieure à la systolique (maxima)."),
        SECOND_VALUE(Kind.INVALID, "SECONDE_VALEUR", "Seule la tension se saisit avec deux valeurs (systolique et diastolique)."),
        CHILDREN_ONLY(Kind.INVALID, "MESURE_ENFANT", "Le périmètre crânien se suit chez l'enfant (moins de 18 ans)."),
        UNKNOWN_MEASURE(Kind.NOT_FOUND, "VALEUR_INCONNUE_SERIE", "Aucune mesure de cette série ne porte cet identifiant.");

        private final Kind kind;
        private final String code;
        private final String message;

        Reason(Kind kind, String code, String message) {
            this.kind = kind;
            this.code = code;
            this.message = message;
        }
    }

    private final Reason reason;

    public ProfileException(Reason reason) {
        super(reason.kind, reason.code, reason.message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
