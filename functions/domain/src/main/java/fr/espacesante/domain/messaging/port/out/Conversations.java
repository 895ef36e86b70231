package fr.espacesante.domain.messaging.port.out;

import fr.espacesante.domain.messaging.Conversation;
import fr.espacesante.domain.messaging.Message;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Conversations and their messages; each listing is one index query, newest first. */
public interface Conversations {

    record Page<T>(List<T> items, Optional<String> cursor) {
    }

    Optional<Conversation> find(String spaceKey, String conversationId);

    /** A conversation by its id alone, as a professional names it. */
    Optional<Conversation> byId(String conversationId);

    /** Creates the conversation with its first message (SENT or AWAITING its files). */
    void start(Conversation conversation, Message first);


    /**
     * Adds a message with the access-history entry that allowed it, in one transaction, only if the
     * space is still at {@code spaceVersion} (the decision was taken on that version). A SENT message
     * moves the conversation: newest first, the other side's unread count +1; a professional's message
     * reopens the exchanges.
     *
     * @return false when the space changed: nothing written
     */
    boolean add(Conversation conversation, Message message, fr.espacesante.domain.access.AccessEntry allowedBy, long spaceVersion);

    /** AWAITING → SENT (moving the conversation as {@link #add} does) or REFUSED. @return false when not awaiting */
    boolean settle(Message message, Message.Status status, Optional<String> refusal);

    /** The message a file was attached to while it was being checked. */
    Optional<Message> awaitingWith(String spaceKey, String documentId);

    void end(Conversation conversation);

    /** The patient side opened it: the professional's messages are read (receipts), the patient's unread count 0. */
    void readByPatient(Conversation conversation, Instant at);

    void readByProfessional(Conversation conversation, Instant at);

    void deleteForPatient(Conversation conversation);

    /** @return true when this call took the notice: none was sent within {@code interval} before {@code at} */
    boolean takeNotice(Conversation conversation, Instant at, java.time.Duration interval);

    Page<Conversation> ofPatient(String spaceKey, int limit, Optional<String> cursor);

    /** The professional's conversations, unread first, then newest first. */
    Page<Conversation> ofProfessional(String rpps, int limit, Optional<String> cursor);

    Page<Message> messages(Conversation conversation, int limit, Optional<String> cursor);

    /** Whether the professional wrote to this patient in a conversation they did not end. */
    Optional<Conversation> openWith(String spaceKey, String rpps);

    boolean acceptsPatientMessages(String rpps);

    void setAcceptsPatientMessages(String rpps, boolean accepts);
}
