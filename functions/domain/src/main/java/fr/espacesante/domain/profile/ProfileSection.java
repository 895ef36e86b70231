package fr.espacesante.domain.profile;

import static fr.espacesante.domain.profile.SectionField.choice;
import static fr.espacesante.domain.profile.SectionField.date;
import static fr.espacesante.domain.profile.SectionField.line;
import static fr.espacesante.domain.profile.SectionField.paragraph;
import static fr.espacesante.domain.profile.SectionField.pastDate;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The sections of the medical profile as « Mon espace santé » has them, each with its fields as data.
 * A list section holds up to {@link #MAX_ENTRIES} entries and can be declared « non concerné » (with
 * its date), which is not the same as empty; a single section holds one value, replaced.
 * Measurements are not a section: they are series ({@link MeasurementType}).
 */
public enum ProfileSection {
    DISEASES("maladies", "Maladies et sujets de santé", true,
            line("nom", "Maladie ou sujet de santé", true, 200), pastDate("depuis", "Depuis le", false),
            paragraph("precisions", "Précisions", 1_000)),
    TREATMENTS("traitements", "Traitements", true,
            line("medicament", "Médicament", true, 200), line("posologie", "Posologie", false, 200),
            date("debut", "Début", false), date("fin", "Fin", false), paragraph("precisions", "Précisions", 1_000)),
    HOSPITALISATIONS("hospitalisations", "Hospitalisations", true,
            line("etablissement", "Établissement", true, 200), pastDate("entree", "Entrée le", true),
            pastDate("sortie", "Sortie le", false), line("motif", "Motif", false, 300)),
    DISABILITIES("handicaps", "Handicaps", true,
            choice("type", "Type de handicap", true, "MOTEUR=Moteur", "VISUEL=Visuel", "AUDITIF=Auditif", "MENTAL=Mental",
                    "PSYCHIQUE=Psychique", "COGNITIF=Cognitif", "POLYHANDICAP=Polyhandicap", "AUTRE=Autre"),
            choice("taux", "Taux d'incapacité", true, "MOINS_DE_50=Moins de 50 %", "DE_50_A_79=De 50 à 79 %",
                    "AU_MOINS_80=80 % ou plus", "INCONNU=Inconnu"),
            choice("aide", "Aide", false, "AUCUNE=Aucune", "TECHNIQUE=Aide technique", "HUMAINE=Aide humaine",
                    "TECHNIQUE_ET_HUMAINE=Aide technique et humaine"),
            line("precisions", "Précisions", false, 300)),
    BLOOD_GROUP("groupe-sanguin", "Groupe sanguin", false,
            choice("groupe", "Groupe sanguin", true, "A+=A+", "A-=A-", "B+=B+", "B-=B-", "AB+=AB+", "AB-=AB-", "O+=O+", "O-=O-",
                    "INCONNU=Inconnu")),
    ALLERGIES("allergies", "Allergies", true,
            line("substance", "Substance", true, 200), line("reaction", "Réaction", false, 300),
            choice("gravite", "Gravité", false, "LEGERE=Légère", "MODEREE=Modérée", "SEVERE=Sévère", "INCONNUE=Inconnue")),
    FAMILY_HISTORY("antecedents-familiaux", "Antécédents familiaux", true,
            choice("parent", "Membre de la famille", true, "MERE=Mère", "PERE=Père", "FRERE_OU_SOEUR=Frère ou sœur",
                    "GRAND_PARENT=Grand-parent", "ENFANT=Enfant", "AUTRE=Autre"),
            line("maladie", "Maladie", true, 200), paragraph("precisions", "Précisions", 1_000)),
    VACCINATIONS("vaccinations", "Vaccinations", true,
            SectionField.of("vaccin", "Vaccin", SectionField.Type.VACCINE, true), line("vaccinLibre", "Autre vaccin (nom)", false, 200),
            pastDate("date", "Date", true), line("lot", "Numéro de lot", false, 40), line("par", "Vacciné par", false, 200)),
    LIFESTYLE("habitudes-de-vie", "Habitudes de vie", false,
            line("alimentation", "Alimentation", false, 500), line("activitePhysique", "Activité physique", false, 500),
            line("sommeil", "Sommeil", false, 500), line("ecrans", "Temps d'écran", false, 500), line("alcool", "Alcool", false, 500),
            choice("tabac", "Tabac", false, "NON_FUMEUR=Non-fumeur", "ANCIEN_FUMEUR=Ancien fumeur", "FUMEUR=Fumeur",
                    "VAPOTEUR=Vapoteur")),
    ENTOURAGE("entourage", "Entourage", true,
            choice("type", "Rôle", true, "CONTACT_URGENCE=Contact en cas d'urgence", "PERSONNE_DE_CONFIANCE=Personne de confiance",
                    "AIDANT=Aidant"),
            line("nom", "Nom", true, 200), SectionField.of("telephone", "Téléphone", SectionField.Type.PHONE, false),
            line("lien", "Lien", false, 100)),
    ADVANCE_DIRECTIVES("directives-anticipees", "Directives anticipées", false,
            SectionField.of("documentId", "Document de l'espace", SectionField.Type.DOCUMENT, true)),
    ORGAN_DONATION("don-d-organes", "Don d'organes", false,
            choice("position", "Position", true, "FAVORABLE=Favorable au don", "OPPOSE=Opposé au don",
                    "NE_SE_PRONONCE_PAS=Ne se prononce pas"));

    public static final int MAX_ENTRIES = 50;

    private final String code;
    private final String title;
    private final boolean list;
    private final List<SectionField> fields;

    ProfileSection(String code, String title, boolean list, SectionField... fields) {
        this.code = code;
        this.title = title;
        this.list = list;
        this.fields = List.of(fields);
    }

    /** As the API and the web write it, e.g. {@code antecedents-familiaux}. */
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public boolean isList() {
        return list;
    }

    public List<SectionField> fields() {
        return fields;
    }

    public Optional<SectionField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public static ProfileSection ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new ProfileException(ProfileException.Reason.UNKNOWN_SECTION));
    }
}
