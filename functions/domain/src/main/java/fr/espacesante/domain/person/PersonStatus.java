package fr.espacesante.domain.person;

/** Where a person stands in the life of a space (PRODUCT.md, "The life of a space"). */
public enum PersonStatus {
    /** Known from the registry; no space yet, not yet notified. */
    IMPORTED
}
