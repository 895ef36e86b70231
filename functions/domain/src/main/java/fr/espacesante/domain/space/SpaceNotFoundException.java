package fr.espacesante.domain.space;

/** No space for this person (not created yet, objected, or unknown person: callers are not told which). */
public class SpaceNotFoundException extends RuntimeException {
    public SpaceNotFoundException() {
        super("no space", null, false, false);
    }
}
