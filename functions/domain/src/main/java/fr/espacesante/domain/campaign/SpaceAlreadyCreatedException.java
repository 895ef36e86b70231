package fr.espacesante.domain.campaign;

/** Too late to object: the space exists; the person can close it (or ask for its deletion) instead. */
public class SpaceAlreadyCreatedException extends RuntimeException {
    public SpaceAlreadyCreatedException() {
        super("space exists", null, false, false);
    }
}
