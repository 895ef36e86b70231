package fr.espacesante.domain.campaign;

/** Live counts of a wave, each moved in the same transaction as the step it counts. */
public record WaveProgress(long targeted, long sentByEmail, long sentByLetter, long failed, long objected,
                           long spacesCreated) {
}
