package fr.espacesante.domain.access;

/** An RPPS number typed by a patient is not 11 digits. */
public class InvalidRppsException extends RuntimeException {
    public InvalidRppsException() {
        super("invalid RPPS", null, false, false);
    }

    public static String require(String rpps) {
        if (rpps == null || !rpps.matches("[0-9]{11}")) {
            throw new InvalidRppsException();
        }
        return rpps;
    }
}
