package fr.espacesante.domain.messaging;

import fr.espacesante.domain.access.Resource;
import java.time.Instant;
import java.util.Optional;

/**
 * A conversation between a patient (their space) and one professional.
 *
 * @param ended the professional ended the exchanges (« [FIN] »): the patient side cannot write until they write again
 * @param hiddenFromRepresentatives flagged by the professional: a minor's parents do not see it
 * @param unreadByPatient messages of the professional the patient side has not opened yet
 * @param unreadByProfessional messages of the patient side the professional has not opened yet
 * @param deletedByPatient removed from the patient's view (the professional keeps theirs)
 * @param lastNoticeAt the last « a message is waiting » e-mail: at most one per hour and conversation
 */
public record Conversation(String spaceKey, String conversationId, String professionalRpps, String professionalName,
                           String patientName, String subject, boolean startedByPatient, boolean ended,
                           boolean hiddenFromRepresentatives, Instant startedAt, Instant lastMessageAt, int unreadByPatient,
                           int unreadByProfessional, boolean deletedByPatient, Optional<Instant> lastNoticeAt) {

    public Resource asResource() {
        return Resource.conversation(professionalRpps, hiddenFromRepresentatives);
    }
}
