package fr.espacesante.domain.campaign.port.out;

/**
 * Where a run may die: called between every two steps of a notification. Production passes
 * {@link #NONE}; the fault-injection test throws there, as a killed or timed-out Lambda would stop.
 */
public interface CrashPoints {

    CrashPoints NONE = step -> { };

    void reached(Step step);

    enum Step {
        BEFORE_CLAIM, AFTER_CLAIM, AFTER_MARK_SENDING, AFTER_EMAIL_ACCEPTED, AFTER_LETTER_STORED, AFTER_MARK_SENT,
        BEFORE_MANIFEST
    }
}
