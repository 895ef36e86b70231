package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.aws.AwsAdapters;
import fr.espacesante.domain.catalogue.ConnectedServicesReview;
import fr.espacesante.local.support.Http;
import fr.espacesante.local.support.LocalStackSupport;
import fr.espacesante.local.support.Mailbox;
import fr.espacesante.local.support.MutableClock;
import fr.espacesante.local.support.Registry;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The e-mail every 90 days listing the services connected to a space: due 90 days after the first
 * connection, listing every service still connected, sent once even when the day is run again,
 * moved 90 days on; a space whose last service was revoked gets none.
 */
class ServiceReviewIT {

    private static final LocalStack STACK = LocalStackSupport.shared();
    private static final String API = STACK.gatewayUrl();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void ninety_days_after_connecting_the_patient_is_told_which_services_are_connected_once() {
        DemoData.loadCatalogue(STACK, LocalStackSupport.projectRoot());
        int base = 590_000 + (int) (Math.random() * 9_000);
        String email = "revue." + base + "@services.example";
        String[] persons = {Registry.nir(base), Registry.nir(base + 1)};
        Registry.importLines(STACK, "registre/revue-" + base + ".csv", List.of(Registry.line(persons[0], "Revue", "Rita", email),
                Registry.line(persons[1], "Revue", "Rémi", "revoque." + base + "@services.example")));
        String[] tokens = new String[2];
        for (int i = 0; i < 2; i++) {
            tokens[i] = Http.token(API, "patient", "sujet=citoyen-" + UUID.randomUUID());
            assertThat(Http.send("POST", API + "/espace/activation", tokens[i], "{\"ins\":\"" + persons[i] + "\",\"dateNaissance\":\""
                    + Registry.BIRTH_DATE + "\",\"nomNaissance\":\"Revue\"}").statusCode()).isEqualTo(200);
        }
        JsonNode second = Http.json(Http.get(API + "/espace/catalogue/esprit-apaise", tokens[0])).get("finalites").get(0);
        assertThat(Http.send("POST", API + "/espace/services/carnet-poids", tokens[0], "{\"finalites\":[\"prevention\"]}").statusCode())
                .isEqualTo(201);
        assertThat(Http.send("POST", API + "/espace/services/esprit-apaise", tokens[0], "{\"finalites\":[\"" + second.get("code")
                .asString() + "\"]}").statusCode()).isEqualTo(201);
        // The other patient connects one and revokes it: no e-mail for them
        assertThat(Http.send("POST", API + "/espace/services/carnet-poids", tokens[1], "{\"finalites\":[\"prevention\"]}").statusCode())
                .isEqualTo(201);
        assertThat(Http.send("DELETE", API + "/espace/services/carnet-poids", tokens[1], null).statusCode()).isEqualTo(200);

        // The service's clock, which other tests of the shared stack move forward, dated the grants.
        LocalDate due = java.time.LocalDateTime.now(PARIS).plus(STACK.clockOffset()).toLocalDate()
                .plusDays(ConnectedServicesReview.EVERY_DAYS);
        MutableClock clock = new MutableClock(due.atTime(8, 0).atZone(PARIS).toInstant());
        var env = STACK.functionEnvironment("ServiceReviewFunction");
        AwsAdapters adapters = new AwsAdapters(name -> Objects.requireNonNull(env.get(name), name), clock);
        ConnectedServicesReview.Report first = adapters.connectedServicesReview().run();
        ConnectedServicesReview.Report again = adapters.connectedServicesReview().run();
        List<JsonNode> received = Mailbox.to(STACK, email);
        System.out.println("ServiceReviewIT: first run " + first + ", the same day again " + again + ", e-mails to the patient "
                + received.size());
        assertThat(received).hasSize(1);
        assertThat(received.get(0).toString()).contains("Carnet Poids", "Prévention", "/#/services");
        assertThat(Mailbox.to(STACK, "revoque." + base + "@services.example")).isEmpty();
        assertThat(first.ended()).isGreaterThanOrEqualTo(1);
        assertThat(again.sent()).isZero();
    }
}
