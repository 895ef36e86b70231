package fr.espacesante.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.local.support.Http;
import fr.espacesante.local.support.RawHttp;
import fr.espacesante.local.support.LocalStackSupport;
import fr.espacesante.local.support.Registry;
import fr.espacesante.local.support.Routes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed requests, as a new user and an attacker would send them, on every route read from
 * template.yaml: broken and hostile bodies, each field of a plausible body given a wrong type, an
 * absurd number, invisible or control characters, too much text; crafted cursors, out-of-range
 * pages and dates, malformed escapes and oversized identifiers in paths and queries. No answer may
 * be a 5xx; every refusal made by our functions is JSON with a code and a French message; the
 * gateway's own refusals (401/403/404, as API Gateway words them) are JSON too.
 */
class MalformedRequestsIT {

    private static final LocalStack STACK = LocalStackSupport.shared();
    private static final String API = STACK.gatewayUrl();
    private static final int BASE = 500_000 + (int) (Math.random() * 90_000);
    private static final String NIR = Registry.nir(BASE);
    private static final String SUBJECT = "fuzz-" + UUID.randomUUID();
    private static final Random RANDOM = new Random(20261129L);

    /** A plausible body per route, so that each mutated field is read where it matters. */
    private static final Map<String, String> PLAUSIBLE = Map.ofEntries(
            Map.entry("POST /espace/activation", "{\"ins\":\"" + NIR + "\",\"dateNaissance\":\"1985-01-14\",\"nomNaissance\":\"Fuzz\"}"),
            Map.entry("POST /espace/enfants", "{\"ins\":\"" + Registry.childNir(BASE) + "\",\"dateNaissance\":\"2017-03-09\","
                    + "\"nomNaissance\":\"Fuzz\",\"accordAutreParent\":\"Marc Fuzz\"}"),
            Map.entry("PUT /espace/coordonnees", "{\"email\":\"fuzz@example.fr\",\"notifications\":{\"nouveauxDocuments\":true,"
                    + "\"messages\":true,\"rappelsAgenda\":true}}"),
            Map.entry("PUT /espace/medecin-traitant", "{\"rpps\":\"10999999997\"}"),
            Map.entry("PUT /espace/acces-urgence", "{\"actif\":true}"),
            Map.entry("PUT /espace/documents/{documentId}/masquage", "{\"masque\":true}"),
            Map.entry("POST /espace/documents", deposit(false)),
            Map.entry("POST /pro/documents", deposit(true)),
            Map.entry("POST /pro/documents/remplacement", deposit(true).replace("{", "{\"documentId\":\"" + UUID.randomUUID() + "\",")),
            Map.entry("POST /pro/documents/recherche", "{\"ins\":\"" + NIR + "\",\"categorie\":\"biologie\",\"du\":\"2026-01-01\","
                    + "\"au\":\"2026-12-31\",\"limite\":10,\"justificationUrgence\":\"Patient inconscient aux urgences\"}"),
            Map.entry("POST /pro/patients/acces-urgence", "{\"ins\":\"" + NIR + "\",\"justification\":\"Patient inconscient aux urgences\"}"),
            Map.entry("POST /admin/vagues", "{\"departements\":[\"31\"],\"debut\":\"2027-01-04\",\"parJour\":100,\"parMinute\":10}"),
            Map.entry("POST /opposition/code", "{\"code\":\"ABCDE-FGHJK\"}"),
            Map.entry("POST /opposition/identite", "{\"ins\":\"" + NIR + "\",\"dateNaissance\":\"1985-01-14\",\"nomNaissance\":\"Faux\"}"));

    private static final List<String> HOSTILE_BODIES = List.of("[]", "[{}]", "null", "1", "\"texte\"", "{", "{\"a\":1}{}",
            "{}", "{\"ins\":", "[" .repeat(200) + "]".repeat(200), "{\"x\":\"" + "a".repeat(400_000) + "\"}",
            "{\"taille\":1e999999}", "\u0000\u0001");

    /** Values no field accepts as they are: each replaces, in turn, one field of the plausible body. */
    private static final List<Object> WRONG_VALUES = List.of(1e30, new java.math.BigInteger("9223372036854775808"), -1,
            true, List.of(), Map.of(), "", "\u0000nul", "\u202Eevil\u202C", "\u200B".repeat(20), "a".repeat(5_000),
            "2026-13-45", "+10000-01-01");

    private static final List<String> HOSTILE_QUERIES = List.of("limite=abc", "limite=1e30", "limite=-1", "limite=99999999999",
            "limite=%zz", "curseur=%%%", "curseur=" + "A".repeat(5000), "curseur=" + cursor("spaceKey=autre\nentryKey=x"),
            "curseur=" + cursor("spaceKey=x\ndocumentId=y\nlistedSpace=autre-espace\ncareKey=2026"),
            "curseur=" + cursor("listedSpace=" + "x".repeat(3000)), "enfant=", "enfant=" + "e".repeat(5000),
            "enfant=%E0%A4%A", "du=2026-13-45", "du=2026-12-31&au=2026-01-01", "du=99999-01-01", "categorie=zzz",
            "regle=zzz", "professionnel=abc", "professionnel=1%002", "ins=" + NIR);

    @BeforeAll
    static void anActivatedPatient() {
        Registry.importLines(STACK, "registre/fuzz-" + BASE + ".csv", List.of(
                Registry.line(NIR, "Fuzz", "Flore", "flore." + BASE + "@example.fr"),
                Registry.childLine(Registry.childNir(BASE), "Fuzz", "Felix")));
        assertThat(Http.send("POST", API + "/espace/activation", token("CitizenAuth"), PLAUSIBLE.get("POST /espace/activation"))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void no_malformed_request_gets_a_5xx_and_every_refusal_is_json_with_a_french_message() throws Exception {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        int gatewayRefusals = 0;
        List<String> failures = new ArrayList<>();
        List<Routes.Target> targets = Routes.all(STACK);
        int sent = 0;
        for (Routes.Target target : targets) {
            for (Probe probe : probes(target)) {
                RawHttp.Answer response = send(target, probe);
                sent++;
                byStatus.merge(response.status(), 1, Integer::sum);
                String what = target.routeKey() + " / " + probe.label() + " -> " + response.status();
                if (response.status() >= 500) {
                    failures.add(what + " " + abbreviated(response.body()));
                    continue;
                }
                if (response.body().contains("Exception") || response.body().contains("java.")) {
                    failures.add(what + " names a Java class");
                }
                if (response.status() >= 400) {
                    JsonNode body;
                    try {
                        body = Http.JSON.readTree(response.body());
                    } catch (RuntimeException e) {
                        failures.add(what + " is not JSON: " + abbreviated(response.body()));
                        continue;
                    }
                    if (isGatewayRefusal(response.status(), body)) {
                        gatewayRefusals++;
                    } else if (isOperationOutcome(body)) {
                        if (!french(body.get("issue").get(0).path("diagnostics").asString(""))) {
                            failures.add(what + " OperationOutcome without French diagnostics: " + abbreviated(response.body()));
                        }
                    } else if (!body.has("code") || !body.has("message") || !french(body.get("message").asString())) {
                        failures.add(what + " without code and French message: " + abbreviated(response.body()));
                    }
                }
            }
        }
        System.out.printf("MalformedRequestsIT: %d malformed requests over %d routes of template.yaml; answers by status %s;"
                        + " %d refused by the gateway itself (401/403/404 as API Gateway words them); %d answers 5xx%n",
                sent, targets.size(), byStatus, gatewayRefusals,
                byStatus.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum());
        assertThat(sent).isGreaterThanOrEqualTo(300);
        assertThat(failures).isEmpty();
    }

    private record Probe(String label, String pathSuffixOrReplacement, String query, String body, Map<String, String> headers) {
    }

    private static List<Probe> probes(Routes.Target target) {
        List<Probe> probes = new ArrayList<>();
        boolean takesBody = !target.route().method().equals("GET") && !target.route().method().equals("DELETE");
        String plausible = PLAUSIBLE.getOrDefault(target.routeKey(), "{\"ins\":\"" + NIR + "\",\"documentId\":\""
                + UUID.randomUUID() + "\"}");
        if (takesBody) {
            for (String hostile : HOSTILE_BODIES) {
                probes.add(new Probe("body " + abbreviated(hostile), null, "", hostile, Map.of()));
            }
            ObjectNode base = (ObjectNode) Http.JSON.readTree(plausible);
            for (String field : base.propertyNames()) {
                Object value = WRONG_VALUES.get(RANDOM.nextInt(WRONG_VALUES.size()));
                Object other = WRONG_VALUES.get(RANDOM.nextInt(WRONG_VALUES.size()));
                for (Object wrong : List.of(value, other)) {
                    ObjectNode mutated = base.deepCopy();
                    mutated.set(field, Http.JSON.valueToTree(wrong));
                    probes.add(new Probe(field + "=" + abbreviated(String.valueOf(wrong)), null, "",
                            Http.JSON.writeValueAsString(mutated), Map.of()));
                }
            }
            probes.add(new Probe("body as text/plain", null, "", plausible, Map.of("content-type", "text/plain")));
        } else {
            for (int i = 0; i < 8; i++) {
                String query = HOSTILE_QUERIES.get(RANDOM.nextInt(HOSTILE_QUERIES.size()));
                probes.add(new Probe("?" + abbreviated(query), null, query, null, Map.of()));
            }
            probes.add(new Probe("body on " + target.route().method(), null, "", "[{\"version\":\"2.0\"}]", Map.of()));
        }
        if (target.route().path().contains("{")) {
            String param = target.route().path().replaceAll(".*\\{([^}]+)}.*", "$1");
            for (String value : List.of("x".repeat(3000), "%zz", "%00", "..%2F..%2Fetc", "%E2%80%AE", "%C3%28")) {
                probes.add(new Probe("{" + param + "}=" + abbreviated(value),
                        target.route().path().replace("{" + param + "}", value).replaceAll("\\{[^}]+}", "x"),
                        "", takesBody ? plausible : null, Map.of()));
            }
        }
        probes.add(new Probe("?%zz=%", null, "%zz=%&limite=%", takesBody ? plausible : null, Map.of()));
        return probes;
    }

    private static RawHttp.Answer send(Routes.Target target, Probe probe) {
        String path = probe.pathSuffixOrReplacement() == null ? target.path() : Routes.concrete(probe.pathSuffixOrReplacement());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", probe.headers().getOrDefault("content-type", "application/json"));
        String token = token(target.route().authorizer());
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return RawHttp.send(API, target.route().method(), path + (probe.query().isEmpty() ? "" : "?" + probe.query()),
                headers, probe.body() == null ? null : probe.body().getBytes(StandardCharsets.UTF_8));
    }

    private static final Map<String, String> TOKENS = new LinkedHashMap<>();

    private static synchronized String token(String authorizer) {
        if (authorizer == null) {
            return null;
        }
        return TOKENS.computeIfAbsent(authorizer, a -> switch (a) {
            case "CitizenAuth" -> Http.token(API, "patient", "sujet=" + SUBJECT);
            case "ProfessionalAuth" -> Http.token(API, "professional", "rpps=10777777771&profession=medecin&urgence=true");
            case "AdminAuth" -> Http.token(API, "operator", "agent=43");
            case "ServiceAuth" -> fr.espacesante.local.support.ServiceTokens.token(STACK, "carnet-poids",
                    fr.espacesante.local.support.ServiceTokens.ALL_SCOPES);
            default -> throw new IllegalStateException(a);
        });
    }

    /** The gateway's own refusals, worded as API Gateway words them (they never reach a function). */
    private static boolean isGatewayRefusal(int status, JsonNode body) {
        return body.size() == 1 && body.has("message") && switch (status) {
            case 401 -> body.get("message").asString().equals("Unauthorized");
            case 403 -> body.get("message").asString().equals("Forbidden");
            case 404 -> body.get("message").asString().equals("Not Found");
            default -> false;
        };
    }

    /** A French sentence: several words, and French words or letters. */
    /** The FHIR API's refusals: an OperationOutcome whose diagnostics say it in French. */
    private static boolean isOperationOutcome(JsonNode body) {
        return "OperationOutcome".equals(body.path("resourceType").asString("")) && body.path("issue").isArray()
                && !body.path("issue").isEmpty();
    }

    private static boolean french(String message) {
        return message != null && message.contains(" ")
                && message.matches("(?s).*([àâçéèêëîïôûùœ]|\\b(le|la|les|de|du|des|doit|est|une?|pas|cette?|cet|ce|ne|aucune?|votre|vous)\\b).*");
    }

    private static String cursor(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String deposit(boolean professional) {
        return "{" + (professional ? "\"ins\":\"" + NIR + "\"," : "") + "\"categorie\":\"biologie\",\"codeLoinc\":\"11502-2\","
                + "\"dateSoins\":\"2026-11-20\",\"titre\":\"Bilan sanguin\",\"typeContenu\":\"application/pdf\",\"taille\":1024,"
                + "\"retenuJusquAnnonce\":false,\"masqueAuxRepresentants\":false}";
    }

    private static String abbreviated(String text) {
        String flat = text.replaceAll("\\p{Cntrl}", "?");
        return flat.length() > 60 ? flat.substring(0, 60) + "…(" + flat.length() + ")" : flat;
    }
}
