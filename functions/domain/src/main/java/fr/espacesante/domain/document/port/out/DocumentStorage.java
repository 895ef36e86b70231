package fr.espacesante.domain.document.port.out;

import fr.espacesante.domain.document.DocumentType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Document bytes: they never pass through a function, only short-lived pre-signed requests do. */
public interface DocumentStorage {

    /** A pre-signed PUT: the client must send exactly these headers (type, size and encryption are signed). */
    record UploadTicket(URI url, Map<String, String> headers, Instant expiresAt) {
    }

    UploadTicket presignUpload(String objectKey, DocumentType type, long size, Duration validity);

    URI presignDownload(String objectKey, String fileName, Duration validity);

    /** What the stored bytes really are; {@code etag} names exactly those bytes. */
    record Inspection(Optional<DocumentType> sniffedType, long size, String sha256, String etag) {
    }

    Inspection inspect(String objectKey);

    /**
     * Keeps the inspected bytes at {@code checkedKey} — copied only if the upload still holds exactly
     * the bytes inspected — and removes the upload.
     *
     * @return false when the upload changed since it was inspected (nothing is kept)
     */
    boolean keepChecked(String uploadKey, String checkedKey, Inspection inspected);

    void delete(String objectKey);

    /** Deletes every version of the object (the bucket is versioned): nothing of it can be recovered. */
    void erase(String objectKey);

    /** Stores bytes the service wrote itself (a proof of designation) at {@code checkedKey}, encrypted like uploads. */
    void storeChecked(String checkedKey, DocumentType type, byte[] bytes);
}
