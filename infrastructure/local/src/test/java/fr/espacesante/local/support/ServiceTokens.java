package fr.espacesante.local.support;

import fr.espacesante.local.LocalStack;
import fr.espacesante.local.OidcIssuers;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A referenced service's token, as the service gets it: OAuth2 client credentials at the services issuer. */
public final class ServiceTokens {

    /** Every SMART scope the FHIR API knows. */
    public static final String ALL_SCOPES = "patient/Patient.rs patient/Observation.rs patient/Observation.cu patient/Appointment.rs "
            + "patient/Appointment.cu patient/DocumentReference.rs";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private ServiceTokens() {
    }

    public static String token(LocalStack stack, String clientId, String scopes) {
        String form = "grant_type=client_credentials&client_id=" + clientId + "&client_secret=secret&scope="
                + URLEncoder.encode(scopes, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create(stack.issuers().issuerUrl(OidcIssuers.SERVICES)
                            + "/token")).header("content-type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("token refused: " + answer.statusCode());
            }
            return Http.JSON.readTree(answer.body()).get("access_token").asString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
