package fr.espacesante.domain.person;

/** Where a person stands in the life of a space (PRODUCT.md, "The life of a space"). */
public enum PersonStatus {
    /** Known from the registry; no space yet, not yet notified. */
    IMPORTED,
    /** Sent a code and an objection deadline by a wave; no space yet. */
    NOTIFIED,
    /** Objected: no space is created automatically for this campaign. */
    OBJECTED,
    /** Their space exists (created by the sweep or by their own activation). */
    SPACE_CREATED,
    /**
     * Their space was deleted at their request or at the end of its retention: the tombstone that
     * proves it, with no health data. No space is created for them again unless they activate one.
     */
    SPACE_DELETED
}
