package fr.espacesante.domain.document;

/** Who deposited a document: the patient, or a professional (RPPS, name, profession). */
public record Author(Kind kind, String rpps, String name, String profession) {

    public enum Kind { PATIENT, PROFESSIONAL }

    public static Author patient() {
        return new Author(Kind.PATIENT, null, null, null);
    }
}
