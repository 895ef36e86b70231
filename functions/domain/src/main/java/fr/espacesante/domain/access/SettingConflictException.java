package fr.espacesante.domain.access;

import fr.espacesante.domain.error.DomainException;

/** A setting the patient asked for contradicts another one. */
public class SettingConflictException extends DomainException {

    public enum Reason {
        /** A blocked professional cannot be designated treating doctor: unblock them first. */
        TREATING_DOCTOR_BLOCKED("MEDECIN_TRAITANT_BLOQUE",
                "Ce professionnel est bloqué : débloquez-le avant de le désigner comme médecin traitant.");

        private final String code;
        private final String message;

        Reason(String code, String message) {
            this.code = code;
            this.message = message;
        }
    }

    private final Reason reason;

    public SettingConflictException(Reason reason) {
        super(Kind.CONFLICT, reason.code, reason.message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
