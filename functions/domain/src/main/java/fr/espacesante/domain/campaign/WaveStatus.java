package fr.espacesante.domain.campaign;

/** Where a wave stands. A planned wave is ACTIVE with a start date still to come. */
public enum WaveStatus {
    ACTIVE, PAUSED, CANCELLED, COMPLETED
}
