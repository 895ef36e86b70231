package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.local.support.LocalStackSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Pre-signed URLs from the SDK's S3Presigner, used with a plain HTTP client as a browser would:
 * S3Proxy checks SigV4 like S3, so expired and tampered URLs are refused.
 */
class PresignedUrlIT {

    private final LocalStack stack = LocalStackSupport.shared();
    private final String bucket = stack.physicalName("ImportBucket");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_presigned_put_then_get_round_trips_and_tampering_or_expiry_is_refused() throws Exception {
        try (S3Presigner presigner = S3Presigner.builder().serviceConfiguration(
                software.amazon.awssdk.services.s3.S3Configuration.builder().pathStyleAccessEnabled(true).build()).build()) {
            String key = "presigned/note.txt";
            var put = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(o -> o.bucket(bucket).key(key).contentType("text/plain")));

            var uploaded = send(HttpRequest.newBuilder(put.url().toURI()).header("Content-Type", "text/plain")
                    .PUT(HttpRequest.BodyPublishers.ofString("compte rendu")).build());
            assertThat(uploaded.statusCode()).isEqualTo(200);

            var get = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(o -> o.bucket(bucket).key(key)));
            var downloaded = send(HttpRequest.newBuilder(get.url().toURI()).GET().build());
            assertThat(downloaded.statusCode()).isEqualTo(200);
            assertThat(downloaded.body()).isEqualTo("compte rendu");

            String tampered = get.url().toString().replace("presigned/note.txt", "presigned/autre.txt");
            assertThat(send(HttpRequest.newBuilder(URI.create(tampered)).GET().build()).statusCode()).isEqualTo(403);

            var shortLived = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofSeconds(1))
                    .getObjectRequest(o -> o.bucket(bucket).key(key)));
            Thread.sleep(2_100);
            var expired = send(HttpRequest.newBuilder(shortLived.url().toURI()).GET().build());
            assertThat(expired.statusCode()).isEqualTo(403);
            assertThat(expired.body()).contains("expired");
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
