package fr.espacesante.local;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack's own endpoints under {@code /_local/}: tokens for personas, the scheduler (list,
 * trigger now, move the clock), and where everything runs. Loopback only, never part of the API.
 */
final class LocalEndpoints implements LocalGateway.LocalEndpoints {

    private final LocalStack stack;

    LocalEndpoints(LocalStack stack) {
        this.stack = stack;
    }

    @Override
    public LocalGateway.Response handle(String method, String path, Map<String, String> query, String body) {
        try {
            return switch (method + " " + path) {
                case "GET /_local/status" -> LocalGateway.Response.json(200, status());
                case "POST /_local/tokens/patient" -> token(stack.issuers().patientToken(
                        stack.parameter("CitizenAudience"), required(query, "sujet"),
                        query.getOrDefault("prenom", "Camille"), query.getOrDefault("nom", "Martin")));
                case "POST /_local/tokens/professional" -> token(stack.issuers().professionalToken(
                        // An empty rpps or profession gives a token without that claim (to test refusals).
                        stack.parameter("ProfessionalAudience"), blankToNull(query.getOrDefault("rpps", "")),
                        blankToNull(query.getOrDefault("profession", "medecin")),
                        Boolean.parseBoolean(query.getOrDefault("urgence", "false"))));
                case "POST /_local/tokens/operator" -> token(stack.issuers().operatorToken(
                        stack.parameter("AdminAudience"), stack.parameter("AdminScope"),
                        query.getOrDefault("agent", "001")));
                case "GET /_local/access-log" -> LocalGateway.Response.json(200, stack.gateway().accessLog());
                case "GET /_local/schedules" -> LocalGateway.Response.json(200, stack.scheduler().entries().stream()
                        .map(e -> Map.of("name", e.name(), "function", e.functionId(),
                                "expression", e.schedule().expression(), "nextRun", String.valueOf(e.nextRun())))
                        .toList());
                case "POST /_local/clock/advance" -> LocalGateway.Response.json(200, Map.of(
                        "fired", stack.scheduler().advance(Duration.parse(required(query, "duree"))),
                        "offset", stack.clockOffset().toString()));
                default -> path.startsWith("/_local/schedules/") && method.equals("POST")
                        ? LocalGateway.Response.json(200, Map.of("output",
                                stack.scheduler().trigger(path.substring("/_local/schedules/".length()))))
                        : LocalGateway.Response.json(404, Map.of("message", "Not Found"));
            };
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            return LocalGateway.Response.json(400, Map.of("message", String.valueOf(e.getMessage())));
        }
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("paramètre « " + name + " » requis");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }

    private static LocalGateway.Response token(String jwt) {
        return LocalGateway.Response.json(200, Map.of("access_token", jwt, "token_type", "Bearer"));
    }

    private Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("api", stack.gatewayUrl());
        status.put("mail", stack.sesUrl());
        status.put("issuers", List.of(stack.issuers().issuerUrl(OidcIssuers.CITIZEN),
                stack.issuers().issuerUrl(OidcIssuers.PROFESSIONAL), stack.issuers().issuerUrl(OidcIssuers.ADMIN)));
        status.put("dynamodb", stack.dynamoDbUrl());
        status.put("s3", stack.s3Url());
        status.put("queues", stack.queueUrls());
        status.put("tables", stack.tables());
        status.put("buckets", stack.buckets());
        status.put("clockOffset", stack.clockOffset().toString());
        return status;
    }
}
