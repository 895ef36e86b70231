package fr.espacesante.domain.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One message. A message with a new file is AWAITING until the intake has checked every file: then
 * SENT, or REFUSED with the reason (never delivered).
 *
 * @param signature who wrote it for the patient, when not the patient: « rédigé par X, aidant de Y »,
 *                  « rédigé par un représentant légal »
 */
public record Message(String spaceKey, String conversationId, String messageId, Instant sentAt, Side side,
                      String authorName, Optional<String> signature, String text, List<Attachment> attachments,
                      Status status, Optional<String> refusal, Optional<Instant> readAt) {

    public enum Side { PROFESSIONAL, PATIENT }

    public enum Status { SENT, AWAITING, REFUSED }

    /** A document carried by the message (in the patient's space, not listed among their documents until saved). */
    public record Attachment(String documentId, String title, String contentType, long size) {
    }

    public Message {
        attachments = List.copyOf(attachments);
    }
}
