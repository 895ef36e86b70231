package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import fr.espacesante.local.support.Http;
import fr.espacesante.local.support.LocalStackSupport;
import fr.espacesante.local.support.Registry;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Nothing shaped like a NIR, and no message text or subject, reaches a log line during a whole scenario: import (with bad lines),
 * activation (wrong then right proofs), professional calls by INS, an emergency access, the access
 * history, the operator API. Our loggers and the API access log are turned up to DEBUG for the
 * scenario, and stdout/stderr are captured too. Spring Cloud Function stays at the WARN level every
 * function configures: at INFO it logs whole incoming events, bodies included, and its masking cannot
 * load its key list from a jar (FileSystemNotFoundException), so WARN is the protection.
 */
class LogCaptureIT {

    /**
     * 13 digits (with 2A/2B) optionally followed by the 2-digit key, not inside a longer number nor a
     * hexadecimal string of either case: a keyed hash in an S3 path, or an emulator's request id such as
     * {@code E2274576602523F4}, can hold such a run of digits by chance. The scenario's own NIRs are also
     * looked for verbatim, whatever surrounds them.
     */
    private static final Pattern NIR_SHAPED = Pattern.compile(
            "(?<![0-9a-fA-F])[12][0-9]{4}(?:[0-9]{2}|2[ABab])[0-9]{6}(?:\\s?[0-9]{2})?(?![0-9a-fA-F])");

    /** A message's (and a profile entry's) words, which no log line may carry. */
    private static final String SECRET_TEXT = "Résultat de biopsie à discuter en consultation";
    private static final String SECRET_SUBJECT = "Suivi oncologique confidentiel";

    private final LocalStack stack = LocalStackSupport.shared();
    private final String api = stack.gatewayUrl();

    @Test
    void no_nir_in_any_log_line_of_an_end_to_end_scenario() {
        List<String> lines = new CopyOnWriteArrayList<>();
        int base = 600_000 + (int) (Math.random() * 90_000);
        String nir = Registry.nir(base);
        String other = Registry.nir(base + 1);
        List<String> nirs = List.of(nir, other);

        try (Capture capture = new Capture(lines)) {
            // import, with a line whose NIR key is wrong (reported, never logged)
            String wrongKey = nir.substring(0, 13) + (nir.endsWith("01") ? "02" : "01");
            Registry.importLines(stack, "registre/journal-" + base + ".csv", List.of(
                    Registry.line(nir, "Garnier", "Inès", "ines.garnier." + base + "@example.fr"),
                    Registry.line(other, "Roux", "Marc", null),
                    Registry.line(wrongKey, "Faux", "Numéro", null)));

            String patient = Http.token(api, "patient", "sujet=citoyen-" + UUID.randomUUID());
            Http.send("POST", api + "/espace/activation", patient, activation(other, "Garnier"));
            Http.send("POST", api + "/espace/activation", patient, activation(nir, "Garnier"));
            Http.send("PUT", api + "/espace/medecin-traitant", patient, "{\"rpps\":\"10200000001\"}");
            Http.send("PUT", api + "/espace/medecin-traitant", patient, "{\"rpps\":\"" + nir + "\"}");

            String doctor = Http.token(api, "professional", "rpps=10200000002&profession=medecin&urgence=true");
            Http.send("POST", api + "/pro/patients/consentement", doctor, "{\"ins\":\"" + nir + "\"}");
            Http.send("POST", api + "/pro/patients/ouverture", doctor, "{\"ins\":\"" + other + "\"}");
            Http.send("POST", api + "/pro/patients/ouverture", doctor, "{\"ins\":\"" + nir.substring(0, 14) + "\"}");
            Http.send("POST", api + "/pro/patients/acces-urgence", doctor,
                    "{\"ins\":\"" + nir + "\",\"justification\":\"Détresse respiratoire, patiente " + nir + "\"}");
            Http.send("POST", api + "/pro/patients/ouverture", patient, "{\"ins\":\"" + nir + "\"}");
            Http.send("GET", api + "/espace/historique", patient, null);
            Http.send("GET", api + "/admin/population/imports", Http.token(api, "operator", "agent=9"), null);
            // Messaging, both sides, with a refused message too: no text, no subject in any line
            var started = Http.send("POST", api + "/pro/messages", doctor, "{\"ins\":\"" + nir + "\",\"sujet\":\""
                    + SECRET_SUBJECT + "\",\"texte\":\"" + SECRET_TEXT + "\"}");
            String conversation = Http.json(started).get("conversation").get("id").asString();
            Http.send("GET", api + "/espace/messages/" + conversation, patient, null);
            Http.send("POST", api + "/espace/messages/" + conversation, patient, "{\"texte\":\"" + SECRET_TEXT + " (réponse)\"}");
            Http.send("POST", api + "/espace/messages/" + conversation, patient, "{\"texte\":\"" + SECRET_TEXT + "\u0007\"}");
            Http.send("GET", api + "/pro/messages/" + conversation, doctor, null);
            // The agenda, with a refused entry too: no title, speciality or note in any line
            String agenda = "{\"type\":\"RENDEZ_VOUS\",\"titre\":\"" + SECRET_SUBJECT + "\",\"specialite\":\"oncologie\","
                    + "\"date\":\"2030-01-15\",\"heure\":\"10:30\",\"note\":\"" + SECRET_TEXT + "\"}";
            Http.send("POST", api + "/espace/agenda", patient, agenda);
            Http.send("POST", api + "/espace/agenda", patient, agenda.replace("10:30", "26:00"));
            Http.send("GET", api + "/espace/agenda?du=2030-01-01", patient, null);
            // The profile, with refused entries too: no disease, allergy or measurement in any line
            Http.send("POST", api + "/espace/profil/rubriques/maladies", patient, "{\"nom\":\"" + SECRET_SUBJECT + "\",\"precisions\":\""
                    + SECRET_TEXT + "\"}");
            Http.send("POST", api + "/espace/profil/rubriques/allergies", patient, "{\"substance\":\"" + SECRET_TEXT + "\u0007\"}");
            Http.send("POST", api + "/espace/profil/mesures", patient, "{\"type\":\"poids\",\"valeur\":71.3,\"prisLe\":\"2026-01-15T08:00\"}");
            Http.send("POST", api + "/espace/profil/mesures", patient, "{\"type\":\"tension\",\"valeur\":80,\"valeur2\":120,"
                    + "\"prisLe\":\"2026-01-15T08:00\"}");
            Http.send("GET", api + "/espace/profil", patient, null);
            Http.send("POST", api + "/espace/profil/synthese", patient, null);
            Http.send("POST", api + "/pro/profil", doctor, "{\"ins\":\"" + nir + "\"}");
        }

        assertThat(lines).as("the scenario was logged at DEBUG").isNotEmpty();
        // the shape finds a NIR wherever it sits, and not an emulator's request id (a CI run's false alarm)
        assertThat(NIR_SHAPED.matcher("ins=" + nir + ", suite").find()).isTrue();
        assertThat(NIR_SHAPED.matcher("ins " + Registry.nir(base).substring(0, 13)).find()).isTrue();
        assertThat(NIR_SHAPED.matcher("Request ID: E2274576602523F4, Extended").find()).isFalse();
        List<String> offending = new ArrayList<>();
        for (String line : lines) {
            if (NIR_SHAPED.matcher(line).find() || nirs.stream().anyMatch(line::contains)
                    || line.contains(SECRET_TEXT) || line.contains(SECRET_SUBJECT)) {
                offending.add(line);
            }
        }
        System.out.println("log capture: " + lines.size() + " log lines checked, " + offending.size()
                + " with a NIR or a message's words");
        assertThat(offending).isEmpty();
    }

    private static String activation(String nir, String name) {
        return "{\"ins\":\"" + nir + "\",\"dateNaissance\":\"" + Registry.BIRTH_DATE + "\",\"nomNaissance\":\"" + name + "\"}";
    }

    /** Every logback event and every byte written to stdout/stderr while open, loggers turned up to DEBUG. */
    private static final class Capture implements AutoCloseable {
        private static final List<String> LOUD = List.of("fr.espacesante", "espace.api.access",
                "software.amazon.awssdk.request");

        private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        private final Map<String, Level> previous = new HashMap<>();
        private final AppenderBase<ILoggingEvent> appender;
        private final PrintStream out = System.out;
        private final PrintStream err = System.err;
        private final ByteArrayOutputStream console = new ByteArrayOutputStream();
        private final List<String> lines;

        Capture(List<String> lines) {
            this.lines = lines;
            appender = new AppenderBase<>() {
                @Override
                protected void append(ILoggingEvent event) {
                    String line = event.getLoggerName() + " " + event.getFormattedMessage();
                    if (event.getThrowableProxy() != null) {
                        line += "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
                    }
                    lines.add(line);
                }
            };
            appender.setContext(context);
            appender.start();
            context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
            for (String name : LOUD) {
                Logger logger = context.getLogger(name);
                previous.put(name, logger.getLevel());
                logger.setLevel(Level.DEBUG);
            }
            System.setOut(new PrintStream(tee(out), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(tee(err), true, StandardCharsets.UTF_8));
        }

        private OutputStream tee(PrintStream original) {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    original.write(b);
                    synchronized (console) {
                        console.write(b);
                    }
                }
            };
        }

        @Override
        public void close() {
            System.setOut(out);
            System.setErr(err);
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
            previous.forEach((name, level) -> context.getLogger(name).setLevel(level));
            synchronized (console) {
                lines.addAll(List.of(console.toString(StandardCharsets.UTF_8).split("\n")));
            }
        }
    }
}
