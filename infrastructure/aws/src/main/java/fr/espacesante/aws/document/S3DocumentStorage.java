package fr.espacesante.aws.document;

import fr.espacesante.domain.document.DocumentType;
import fr.espacesante.domain.document.port.out.DocumentStorage;
import fr.espacesante.domain.text.Digests;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Documents in the KMS-encrypted documents bucket. Uploads are pre-signed PUTs that sign the content
 * type, the exact length and the SSE-KMS headers (with the stack's key): a client sending anything
 * else is refused by S3. Downloads are pre-signed GETs. Only the intake reads the bytes, to check them.
 */
public final class S3DocumentStorage implements DocumentStorage {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final String kmsKeyId;

    public S3DocumentStorage(S3Client s3, S3Presigner presigner, String bucket, String kmsKeyId) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.kmsKeyId = kmsKeyId;
    }

    @Override
    public UploadTicket presignUpload(String objectKey, DocumentType type, long size, Duration validity) {
        var presigned = presigner.presignPutObject(p -> p.signatureDuration(validity).putObjectRequest(r -> r
                .bucket(bucket).key(objectKey).contentType(type.mediaType()).contentLength(size)
                .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(kmsKeyId)));
        Map<String, String> headers = new LinkedHashMap<>();
        presigned.signedHeaders().forEach((name, values) -> {
            // The client's HTTP stack sets these two itself (and refuses to be told).
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                headers.put(name, String.join(",", values));
            }
        });
        return new UploadTicket(URI.create(presigned.url().toString()), headers, presigned.expiration());
    }

    @Override
    public URI presignDownload(String objectKey, String fileName, Duration validity) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        return URI.create(presigner.presignGetObject(p -> p.signatureDuration(validity).getObjectRequest(r -> r
                .bucket(bucket).key(objectKey)
                .responseContentDisposition("attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + java.net.URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"))))
                .url().toString());
    }

    /** Reads the object once (at most the upload limit, which the signed length enforces). */
    @Override
    public Inspection inspect(String objectKey) {
        var object = s3.getObjectAsBytes(r -> r.bucket(bucket).key(objectKey));
        byte[] bytes = object.asByteArray();
        return new Inspection(ContentSniffer.sniff(bytes), bytes.length, Digests.sha256Hex(bytes), object.response().eTag());
    }

    /** A server-side copy on the condition that the upload is still the inspected object (its ETag). */
    @Override
    public boolean keepChecked(String uploadKey, String checkedKey, Inspection inspected) {
        try {
            s3.copyObject(r -> r.sourceBucket(bucket).sourceKey(uploadKey).copySourceIfMatch(inspected.etag())
                    .destinationBucket(bucket).destinationKey(checkedKey)
                    .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(kmsKeyId));
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                return false;
            }
            throw e;
        }
        s3.deleteObject(r -> r.bucket(bucket).key(uploadKey));
        return true;
    }

    @Override
    public void delete(String objectKey) {
        s3.deleteObject(r -> r.bucket(bucket).key(objectKey));
    }


    @Override
    public void erase(String objectKey) {
        var listing = s3.listObjectVersions(r -> r.bucket(bucket).prefix(objectKey));
        var versions = new java.util.ArrayList<software.amazon.awssdk.services.s3.model.ObjectIdentifier>();
        listing.versions().stream().filter(v -> v.key().equals(objectKey)).forEach(v -> versions.add(
                software.amazon.awssdk.services.s3.model.ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
        listing.deleteMarkers().stream().filter(m -> m.key().equals(objectKey)).forEach(m -> versions.add(
                software.amazon.awssdk.services.s3.model.ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
        if (!versions.isEmpty()) {
            s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(versions).quiet(true)));
        }
    }

    @Override
    public void storeChecked(String checkedKey, DocumentType type, byte[] bytes) {
        s3.putObject(r -> r.bucket(bucket).key(checkedKey).contentType(type.mediaType())
                        .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(kmsKeyId),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(bytes));
    }
}
