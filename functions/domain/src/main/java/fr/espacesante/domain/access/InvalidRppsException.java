package fr.espacesante.domain.access;

import fr.espacesante.domain.error.DomainException;

/** An RPPS number typed by a patient is not 11 digits. */
public class InvalidRppsException extends DomainException {
    public InvalidRppsException() {
        super(Kind.INVALID, "RPPS_INVALIDE", "Le numéro RPPS doit comporter 11 chiffres.");
    }

    public static String require(String rpps) {
        if (rpps == null || !rpps.matches("[0-9]{11}")) {
            throw new InvalidRppsException();
        }
        return rpps;
    }
}
