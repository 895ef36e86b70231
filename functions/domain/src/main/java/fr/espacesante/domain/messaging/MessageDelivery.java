package fr.espacesante.domain.messaging;

import fr.espacesante.domain.document.Document;
import fr.espacesante.domain.document.DocumentStatus;
import fr.espacesante.domain.document.port.out.DocumentCatalog;
import fr.espacesante.domain.mail.port.out.Mailer;
import fr.espacesante.domain.messaging.port.out.AttachmentChecks;
import fr.espacesante.domain.messaging.port.out.Conversations;
import fr.espacesante.domain.space.Space;
import fr.espacesante.domain.space.port.out.Spaces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Delivering a message: a message waiting for its files goes out once the intake has accepted them
 * all, and never if one is refused (the sender reads why in the conversation); the patient side is
 * told by e-mail that a message waits — never what — at most once an hour per conversation, as their
 * notice preferences allow, and a minor's parents too unless the conversation is hidden from them.
 */
public final class MessageDelivery implements AttachmentChecks {

    private static final Duration NOTICE_INTERVAL = Duration.ofHours(1);

    private final Conversations conversations;
    private final DocumentCatalog catalog;
    private final Spaces spaces;
    private final Mailer mailer;
    private final MessageNotices notices;
    private final Clock clock;

    public MessageDelivery(Conversations conversations, DocumentCatalog catalog, Spaces spaces, Mailer mailer,
                           MessageNotices notices, Clock clock) {
        this.conversations = conversations;
        this.catalog = catalog;
        this.spaces = spaces;
        this.mailer = mailer;
        this.notices = notices;
        this.clock = clock;
    }

    @Override
    public void checked(Document file, Optional<String> refusal) {
        Optional<Message> awaiting = conversations.awaitingWith(file.spaceKey(), file.documentId());
        if (awaiting.isEmpty()) {
            return;
        }
        Message message = awaiting.get();
        if (refusal.isPresent()) {
            conversations.settle(message, Message.Status.REFUSED,
                    Optional.of("« " + file.title() + " » refusé : " + refusal.get() + " ; le message n'a pas été envoyé."));
            return;
        }
        boolean allChecked = message.attachments().stream().allMatch(a -> catalog.find(file.spaceKey(), a.documentId())
                .map(d -> d.status() == DocumentStatus.AVAILABLE).orElse(false));
        if (allChecked && conversations.settle(message, Message.Status.SENT, Optional.empty())
                && message.side() == Message.Side.PROFESSIONAL) {
            conversations.find(file.spaceKey(), message.conversationId()).ifPresent(c -> tellPatientSide(c, clock.instant()));
        }
    }

    void tellPatientSide(Conversation conversation, Instant now) {
        if (!conversations.takeNotice(conversation, now, NOTICE_INTERVAL)) {
            return;
        }
        Optional<Space> space = spaces.find(conversation.spaceKey());
        space.filter(s -> s.preferences().messages()).flatMap(Space::email).ifPresent(email -> mailer.send(notices.waiting(email)));
        if (space.isPresent() && !conversation.hiddenFromRepresentatives()) {
            for (String parentKey : space.get().access().legalRepresentatives()) {
                spaces.find(parentKey).filter(s -> s.preferences().messages()).flatMap(Space::email)
                        .filter(email -> !space.get().email().equals(Optional.of(email)))
                        .ifPresent(email -> mailer.send(notices.waiting(email)));
            }
        }
    }
}
