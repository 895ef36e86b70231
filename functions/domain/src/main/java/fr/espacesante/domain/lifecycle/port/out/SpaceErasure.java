package fr.espacesante.domain.lifecycle.port.out;

/**
 * Erases what belongs to a space — document objects (every version and delete marker), document
 * records, access history, guardianships, login link, notifications and letters — everywhere but
 * the space's own item, which the purge removes last. Every step can run again: a purge that
 * crashed midway is finished by the next run.
 */
public interface SpaceErasure {

    void erase(String spaceKey);
}
