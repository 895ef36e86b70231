package fr.espacesante.domain.campaign.port.out;

import fr.espacesante.domain.campaign.NotificationLetter;
import java.util.List;

/** Postal letters for the print provider: one PDF per person and wave, one manifest per batch. */
public interface LetterOffice {

    /**
     * Renders and stores the letter under a key derived from wave and person: storing it again
     * replaces it with identical content, so a retry can never make a second letter.
     *
     * @return the letter's object key
     */
    String store(NotificationLetter letter);

    /** Writes (or rewrites, identically) the manifest of a batch from its letters. */
    String writeManifest(String waveId, String batchId, List<ManifestLine> letters);

    record ManifestLine(String letterKey, String postcode, String town) {
    }
}
