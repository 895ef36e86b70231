package fr.espacesante.local;

import java.util.List;
import org.gaul.s3proxy.CrossOriginResourceSharing;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * S3Proxy on loopback with AWS signature v4 enforced (expired or tampered pre-signed URLs are
 * refused, as on S3). Object creations are reported to a listener, which the stack turns into the
 * S3 event notifications the template declares.
 */
final class S3LocalServer implements AutoCloseable {

    /** Called after an object was stored: bucket, key, size (-1 when unknown), ETag. */
    interface ObjectCreated {
        void created(String eventName, String bucket, String key, long size, String eTag);
    }

    private final S3Proxy proxy;
    private final int port;

    private S3LocalServer(S3Proxy proxy, int port) {
        this.proxy = proxy;
        this.port = port;
    }

    /** The CORS rule S3 applies to browsers (the template's, of the documents bucket). */
    record CorsRule(List<String> origins, List<String> methods, List<String> headers, List<String> exposed) {
    }

    /** In memory: the one S3Proxy store that keeps object versions and delete markers, as versioned buckets do. */
    static S3LocalServer start(int port, String accessKey, String secretKey, ObjectCreated listener, CorsRule cors) {
        BlobStore store = new TransientNio2BlobStore();
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new NotifyingBlobStore(store, listener))
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .ignoreUnknownHeaders(true)
                .corsRules(new CrossOriginResourceSharing(cors.origins(), cors.methods(), cors.headers(), cors.exposed(), ""))
                .build();
        try {
            proxy.start();
            return new S3LocalServer(proxy, proxy.getPort());
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start on port " + port, e);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop", e);
        }
    }

    private static final class NotifyingBlobStore extends ForwardingBlobStore {
        private final ObjectCreated listener;

        NotifyingBlobStore(BlobStore delegate, ObjectCreated listener) {
            super(delegate);
            this.listener = listener;
        }

        @Override
        public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
            PutObjectResponse response = super.putBlob(request, content);
            long size = request.contentLength() == null ? -1 : request.contentLength();
            listener.created("ObjectCreated:Put", request.bucket(), request.key(), size, response.eTag());
            return response;
        }

        @Override
        public CopyObjectResponse copyBlob(CopyObjectRequest request) {
            CopyObjectResponse response = super.copyBlob(request);
            listener.created("ObjectCreated:Copy", request.destinationBucket(), request.destinationKey(), -1,
                    response.copyObjectResult() == null ? null : response.copyObjectResult().eTag());
            return response;
        }

        @Override
        public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
                                                                       CompleteMultipartUploadRequest request) {
            CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
            listener.created("ObjectCreated:CompleteMultipartUpload", request.bucket(), request.key(), -1,
                    response.eTag());
            return response;
        }
    }
}
