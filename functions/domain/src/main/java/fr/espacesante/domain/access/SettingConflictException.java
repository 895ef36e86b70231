package fr.espacesante.domain.access;

/** A setting the patient asked for contradicts another one. */
public class SettingConflictException extends RuntimeException {

    public enum Reason {
        /** A blocked professional cannot be designated treating doctor: unblock them first. */
        TREATING_DOCTOR_BLOCKED
    }

    private final Reason reason;

    public SettingConflictException(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
