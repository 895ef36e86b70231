package fr.espacesante.domain.space;

/**
 * Where a space stands in its life (PRODUCT.md, "The life of a space" steps 5–6). A closed space
 * keeps its data until its purge day; a space whose deletion was asked is purged the same day.
 * Once purged, the space no longer exists: only the person's registry entry says it was deleted.
 */
public enum SpaceStatus {
    OPEN,
    /** Closed by its owner: data kept until the purge day, the owner may reopen it until then. */
    CLOSED,
    /** Deletion asked: definitive, purged within the day. */
    DELETION_REQUESTED,
    /** The purge has started: nothing can stop it now (no reopening). */
    PURGING;

    /** True when no one but the owner may do anything in it. */
    public boolean closed() {
        return this != OPEN;
    }
}
