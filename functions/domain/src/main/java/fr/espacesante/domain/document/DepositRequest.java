package fr.espacesante.domain.document;

import java.time.LocalDate;
import java.util.Optional;

/** What the uploader declares before sending the bytes. */
public record DepositRequest(DocumentCategory category, Optional<String> loincCode, LocalDate careDate, String title,
                             String contentType, long size, boolean heldBack, boolean hiddenFromRepresentatives) {
}
