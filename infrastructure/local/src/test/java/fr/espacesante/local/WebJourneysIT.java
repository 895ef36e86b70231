package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.espacesante.local.support.Campaigns;
import fr.espacesante.local.support.Http;
import fr.espacesante.local.support.LocalStackSupport;
import fr.espacesante.local.support.Registry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The browser journeys of web/e2e (node:test, playwright-core driving Debian's Chromium, axe-core on
 * every page) against this test stack: its gateway serves the built web space, its identity provider's
 * real login page signs the browser in. Needs Chromium: CI installs it (./espace test under CI=true);
 * elsewhere, without it, the journeys are skipped with how to install it.
 */
class WebJourneysIT {

    private static final String WORKER = "PopulationImportWorkerFunction";
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private final LocalStack stack = LocalStackSupport.shared();
    private final Path web = LocalStackSupport.projectRoot().resolve("web");

    @Test
    void patients_and_the_public_use_the_web_space_in_a_real_browser() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        if (!Files.isExecutable(CHROMIUM)) {
            assertThat(ci).as("Chromium is installed by ./espace test under CI=true").isFalse();
            assumeTrue(false, "Chromium absent: 'apt-get install chromium' (Debian) to run the browser journeys");
        }
        assertThat(web.resolve("dist/index.html")).as("the web space is built (mvn builds web/ first)").exists();
        int base = 820_000 + (int) (Math.random() * 70_000);
        String patient = Registry.nir(base);
        String objector = Registry.nir(base + 1);
        String parent = Registry.nir(base + 2);
        String child = Registry.childNir(base);
        String keyboard = Registry.nir(base + 3);
        String emailed = Registry.nir(base + 4);
        String lettered = Registry.nir(base + 5);
        String closing = Registry.nir(base + 7);
        String helped = Registry.nir(base + 8);
        String helper = Registry.nir(base + 9);
        String helperEmail = "aline." + base + "@navigateur.example";
        String messaged = Registry.nir(base + 10);
        String planner = Registry.nir(base + 11);
        String profiled = Registry.nir(base + 12);
        String connecting = Registry.nir(base + 13);
        String emailAddress = "edith." + base + "@vague.example";
        Registry.importLines(stack, "registre/navigateur-" + base + ".csv", List.of(
                Registry.line(patient, "Navigatrice", "Nina", "nina." + base + "@navigateur.example"),
                Registry.line(objector, "Refusant", "Rémi", null),
                Registry.line(parent, "Parental", "Paula", "paula." + base + "@navigateur.example"),
                Registry.childLine(child, "Parental", "Petit"),
                Registry.line(keyboard, "Clavier", "Claude", "claude." + base + "@navigateur.example"),
                Registry.line(closing, "Cycle", "Camille", "camille." + base + "@navigateur.example"),
                Registry.line(helped, "Soignee", "Suzanne", "suzanne." + base + "@navigateur.example"),
                Registry.line(helper, "Aidante", "Aline", helperEmail),
                Registry.line(messaged, "Message", "Marine", "marine." + base + "@navigateur.example"),
                Registry.line(planner, "Agenda", "Agathe", "agathe." + base + "@navigateur.example"),
                Registry.line(profiled, "Profil", "Prune", "prune." + base + "@navigateur.example"),
                Registry.line(connecting, "Catalogue", "Cyrielle", "cyrielle." + base + "@navigateur.example"),
                // The wave's two persons, in a département no other test uses (Ariège)
                Registry.line(emailed, "Courriel", "Edith", emailAddress, "09"),
                Registry.line(lettered, "Courrier", "Louis", null, "09")));
        String timingLogin = "e2e-chrono-" + base;
        fiftyDocuments(Registry.nir(base + 6), timingLogin, "Chrono", base);
        // The sender works on working days: the service clock moves to the next working morning
        String day = Campaigns.moveToNextWorkingMorning(stack).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));

        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-concurrency=1", "e2e/")
                .directory(web.toFile()).redirectErrorStream(true);
        node.environment().put("E2E_TIMING_LOGIN", timingLogin);
        // The service clock's day, which closure dates are counted from
        node.environment().put("E2E_TODAY", day);
        node.environment().putAll(Map.of(
                "E2E_CAREGIVER_PATIENT_NIR", helped, "E2E_CAREGIVER_PATIENT_NAME", "Soignee",
                "E2E_CAREGIVER_NIR", helper, "E2E_CAREGIVER_NAME", "Aidante", "E2E_CAREGIVER_BIRTH", Registry.BIRTH_DATE,
                "E2E_CAREGIVER_EMAIL", helperEmail));
        node.environment().putAll(Map.of(
                "E2E_AGENDA_NIR", planner, "E2E_AGENDA_NAME", "Agenda", "E2E_AGENDA_BIRTH", Registry.BIRTH_DATE));
        // The catalogue, as an operator loads it; the service's token comes from the services issuer
        DemoData.loadCatalogue(stack, LocalStackSupport.projectRoot());
        node.environment().putAll(Map.of(
                "E2E_CATALOGUE_NIR", connecting, "E2E_CATALOGUE_NAME", "Catalogue", "E2E_CATALOGUE_BIRTH", Registry.BIRTH_DATE,
                "E2E_SERVICES_TOKEN_URL", stack.issuers().issuerUrl(OidcIssuers.SERVICES) + "/token"));
        node.environment().putAll(Map.of(
                "E2E_PROFILE_NIR", profiled, "E2E_PROFILE_NAME", "Profil", "E2E_PROFILE_BIRTH", Registry.BIRTH_DATE));
        node.environment().putAll(Map.of(
                "E2E_MESSAGING_NIR", messaged, "E2E_MESSAGING_NAME", "Message", "E2E_MESSAGING_BIRTH", Registry.BIRTH_DATE));
        node.environment().putAll(Map.of(
                "E2E_LIFECYCLE_NIR", closing, "E2E_LIFECYCLE_NAME", "Cycle", "E2E_LIFECYCLE_BIRTH", Registry.BIRTH_DATE));
        node.environment().putAll(Map.of(
                "E2E_WAVE_DEPARTMENT", "09", "E2E_WAVE_DAY", day, "E2E_SES_URL", stack.sesUrl(),
                "E2E_EMAILED_ADDRESS", emailAddress, "E2E_LETTER_NIR", lettered, "E2E_LETTER_NAME", "Courrier",
                "E2E_LETTER_BIRTH", Registry.BIRTH_DATE));
        node.environment().putAll(Map.of(
                "E2E_KEYBOARD_NIR", keyboard, "E2E_KEYBOARD_NAME", "Clavier", "E2E_KEYBOARD_BIRTH", Registry.BIRTH_DATE));
        node.environment().putAll(Map.of(
                "E2E_PARENT_NIR", parent, "E2E_PARENT_NAME", "Parental", "E2E_PARENT_BIRTH", Registry.BIRTH_DATE,
                "E2E_CHILD_NIR", child, "E2E_CHILD_NAME", "Parental", "E2E_CHILD_BIRTH", Registry.CHILD_BIRTH_DATE));
        node.environment().putAll(Map.of(
                "E2E_BASE_URL", stack.gatewayUrl(),
                "E2E_SCREENSHOTS", web.resolve("target/screenshots").toString(),
                "CHROMIUM", CHROMIUM.toString(),
                "E2E_PATIENT_NIR", patient, "E2E_PATIENT_NAME", "Navigatrice", "E2E_PATIENT_BIRTH", Registry.BIRTH_DATE,
                "E2E_OBJECTOR_NIR", objector, "E2E_OBJECTOR_NAME", "Refusant", "E2E_OBJECTOR_BIRTH", Registry.BIRTH_DATE));
        // An import the operator sees still running: its workers held back (as disabling their event source
        // mapping does) while the journeys run. Its 5,000 lines are all refused (a French date), so it stores
        // no person the other journeys could meet.
        String running = "registre/en-cours-" + base + ".csv";
        stack.eventSources().disable(WORKER);
        String output;
        Process process;
        boolean finished;
        try {
            List<String> refused = new java.util.ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                refused.add(Registry.line(Registry.nir(base + 20 + i), "Encours", "Elise", null)
                        .replace(Registry.BIRTH_DATE, "14/01/1985"));
            }
            Registry.importLines(stack, running, refused);
            JsonNode queued = Registry.run(stack, running);
            assertThat(queued.get("termine").asBoolean()).isFalse();
            assertThat(queued.get("plages").asInt()).isGreaterThan(1);
            node.environment().putAll(Map.of("E2E_IMPORT_RUNNING_FILE", running,
                    "E2E_IMPORT_RUNNING_RANGES", String.valueOf(queued.get("plages").asInt())));
            process = node.start();
            try (var in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            finished = process.waitFor(10, TimeUnit.MINUTES);
        } finally {
            stack.eventSources().enable(WORKER);
        }
        System.out.println(output);
        assertThat(finished).as("the journeys finish").isTrue();
        assertThat(process.exitValue()).as("every journey passes:\n" + output).isZero();
        assertThat(output).contains("# fail 0");
        // once its workers run again, the held import finishes with every line refused
        stack.awaitS3Events();
        JsonNode done = Registry.run(stack, running);
        assertThat(done.get("termine").asBoolean()).isTrue();
        assertThat(done.get("rejetees").asInt()).isEqualTo(5_000);
        assertThat(done.get("plagesImportees").asInt()).isEqualTo(done.get("plages").asInt());
    }

    /** A space of 50 documents for the timing figure, deposited by a professional through real uploads. */
    private void fiftyDocuments(String nir, String login, String name, int base) throws Exception {
        Registry.importLines(stack, "registre/chrono-" + base + ".csv", List.of(Registry.line(nir, name, "Chloé", null)));
        String patient = Http.token(stack.gatewayUrl(), "patient", "sujet=" + login);
        assertThat(Http.send("POST", stack.gatewayUrl() + "/espace/activation", patient, "{\"ins\":\"" + nir
                + "\",\"dateNaissance\":\"" + Registry.BIRTH_DATE + "\",\"nomNaissance\":\"" + name + "\"}").statusCode()).isEqualTo(200);
        String pro = Http.token(stack.gatewayUrl(), "professional", "rpps=10666666661&profession=medecin");
        assertThat(Http.send("POST", stack.gatewayUrl() + "/pro/patients/consentement", pro, "{\"ins\":\"" + nir + "\"}")
                .statusCode()).isEqualTo(201);
        var client = java.net.http.HttpClient.newHttpClient();
        for (int i = 0; i < 50; i++) {
            byte[] pdf = ("%PDF-1.7\n1 0 obj << /Numero (" + i + ") >> endobj\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
            var grant = Http.json(Http.send("POST", stack.gatewayUrl() + "/pro/documents", pro, "{\"ins\":\"" + nir
                    + "\",\"categorie\":\"biologie\",\"dateSoins\":\"2026-0" + (1 + i % 9) + "-1" + (i % 10)
                    + "\",\"titre\":\"Résultat " + i + "\",\"typeContenu\":\"application/pdf\",\"taille\":" + pdf.length + "}"));
            var upload = grant.get("televersement");
            var put = java.net.http.HttpRequest.newBuilder(java.net.URI.create(upload.get("url").asString()))
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(pdf));
            upload.get("entetes").properties().forEach(h -> put.header(h.getKey(), h.getValue().asString()));
            assertThat(client.send(put.build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        }
        stack.awaitS3Events();
    }
}
