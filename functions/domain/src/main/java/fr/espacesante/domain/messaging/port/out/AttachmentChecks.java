package fr.espacesante.domain.messaging.port.out;

import fr.espacesante.domain.document.Document;
import java.util.Optional;

/** What the document intake tells the messaging once a message's new file is checked. */
public interface AttachmentChecks {

    /** @param refusal empty when the file is accepted */
    void checked(Document attachment, Optional<String> refusal);

    AttachmentChecks NONE = (attachment, refusal) -> { };
}
