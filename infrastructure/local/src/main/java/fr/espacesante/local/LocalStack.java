package fr.espacesante.local;

import fr.espacesante.aws.time.ServiceClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * The embedded local stack: every emulator on loopback, configured from template.yaml, with the
 * functions invoked in-process. {@code ./espace run} starts one; tests start one per JVM.
 */
public final class LocalStack implements AutoCloseable {

    public static final String ACCESS_KEY = "LOCALDEVELOPMENTKEY";
    public static final String SECRET_KEY = "localDevelopmentSecretNotASecret";

    // DynamoDB Local accepts only letters and digits in an access key id.
    /** Where and how to run. A null data folder keeps tables in memory and objects in a temporary folder (tests). */
    /**
     * @param importRangeRows lines per range of a registry file (the template's ImportRangeRows): 100,000 on AWS,
     *                        {@link #LOCAL_IMPORT_RANGE_ROWS} here so that the tests' files are cut into several ranges
     */
    public record Settings(Path root, Path dataDir, int gatewayPort, int oidcPort, int sesPort, boolean automaticSchedules,
                           int importRangeRows) {
        public static final int LOCAL_IMPORT_RANGE_ROWS = 2_000;

        public static Settings forTests(Path root) {
            return new Settings(root, null, 0, 0, 0, false, LOCAL_IMPORT_RANGE_ROWS);
        }

        public Settings withImportRangeRows(int rows) {
            return new Settings(root, dataDir, gatewayPort, oidcPort, sesPort, automaticSchedules, rows);
        }
    }

    private final List<AutoCloseable> started = new ArrayList<>();
    private final SamTemplate template;
    private final OidcIssuers issuers;
    private final DynamoDbLocalServer dynamoDbServer;
    private final S3LocalServer s3Server;
    private final SesLocalServer sesServer;
    private final FunctionHost functions;
    private final S3Notifications notifications;
    private final LocalQueues queues;
    private final SqsEventSources eventSources;
    private final software.amazon.awssdk.services.sqs.SqsClient sqs;
    private final LocalScheduler scheduler;
    private final LocalGateway gateway;
    private final DynamoDbClient dynamoDb;
    private final S3Client s3;
    private final List<String> tables;
    private final List<String> buckets = new ArrayList<>();

    private LocalStack(Settings settings) throws IOException {
        Path root = settings.root();
        Path data = settings.dataDir();
        Path logs = Files.createDirectories(data == null ? Files.createTempDirectory("espace-local-") : data.resolve("logs"));

        SamTemplate defaults = SamTemplate.load(root.resolve("template.yaml"), Map.of());
        issuers = track(OidcIssuers.start(settings.oidcPort(), loginClaims(defaults)));
        // The gateway's port is chosen now: it is the web space's origin (ServiceUrl), which e-mails
        // link to and the documents bucket's CORS rule names.
        int gatewayPort = settings.gatewayPort() == 0 ? freePort() : settings.gatewayPort();
        queues = track(LocalQueues.start());
        template = defaults.withParameters(parameters(issuers, "http://127.0.0.1:" + gatewayPort, settings.importRangeRows()))
                .withQueueEndpoint(queues.endpoint());

        int dynamoPort = freePort();
        // Both stores live in memory, in ./espace run as in tests: S3Proxy keeps object versions and delete
        // markers (the template's buckets are versioned, and a deletion must erase every version) only in
        // its in-memory store, and DynamoDB must not outlive the objects its items point to.
        dynamoDbServer = track(DynamoDbLocalServer.start(dynamoPort));
        S3Relay relay = new S3Relay();
        s3Server = track(S3LocalServer.start(0, ACCESS_KEY, SECRET_KEY, relay, documentsCors()));
        sesServer = track(SesLocalServer.start(root.resolve("infrastructure/local/src/main/node"),
                settings.sesPort() == 0 ? freePort() : settings.sesPort(), logs.resolve("ses.log")));

        configureSdk(dynamoDbServer.endpoint(), s3Server.endpoint(), sesServer.endpoint(), queues.endpoint());
        dynamoDb = track(DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build());
        s3 = track(S3Client.builder().httpClient(UrlConnectionHttpClient.create()).forcePathStyle(true).build());
        tables = LocalTables.create(template, dynamoDb);
        createBuckets();
        sqs = track(fr.espacesante.aws.AwsClients.sqs());
        queues.create(template.queues(), sqs);

        var definitions = template.functions();
        functions = new FunctionHost(definitions);
        notifications = track(new S3Notifications(definitions, functions));
        eventSources = track(new SqsEventSources(definitions, sqs, queues, functions));
        relay.target = notifications;
        scheduler = track(new LocalScheduler(definitions, functions, settings.automaticSchedules()));
        gateway = track(new LocalGateway(gatewayPort, definitions, template.publicRoutes(),
                new JwtAuthorizers(template.authorizers()), functions, new LocalEndpoints(this), site(root),
                new RouteThrottles(template.throttles())));
    }

    public static LocalStack start(Settings settings) {
        try {
            return new LocalStack(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values the template's parameters take locally: local issuers, development-only NIR keys. */
    private static Map<String, String> parameters(OidcIssuers issuers, String serviceUrl, int importRangeRows) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Stage", "dev");
        p.put("ServiceUrl", serviceUrl);
        p.put("CitizenIssuerUrl", issuers.issuerUrl(OidcIssuers.CITIZEN));
        p.put("ProfessionalIssuerUrl", issuers.issuerUrl(OidcIssuers.PROFESSIONAL));
        p.put("AdminIssuerUrl", issuers.issuerUrl(OidcIssuers.ADMIN));
        p.put("ServicesIssuerUrl", issuers.issuerUrl(OidcIssuers.SERVICES));
        // Development keys, public on purpose: local data is synthetic. Production keys are NoEcho parameters.
        p.put("NirHashKey", devKey("espace-sante local NIR hash key."));
        p.put("NirSealKey", devKey("espace-sante local NIR seal key."));
        p.put("CodeKey", devKey("espace-sante local one-time code"));
        p.put("ImportRangeRows", Integer.toString(importRangeRows));
        return p;
    }

    private static String devKey(String text32) {
        return Base64.getEncoder().encodeToString(text32.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** The SDK's standard settings, as Lambda would have them in its environment. */
    private static void configureSdk(String dynamoDb, String s3, String ses, String sqs) {
        System.setProperty("aws.region", SamTemplate.REGION);
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
        System.setProperty("aws.endpointUrlDynamoDb", dynamoDb);
        System.setProperty("aws.endpointUrlS3", s3);
        System.setProperty("aws.endpointUrlSesV2", ses);
        System.setProperty("aws.endpointUrlSqs", sqs);
        System.setProperty("aws.requestChecksumCalculation", "WHEN_REQUIRED");
        System.setProperty("aws.responseChecksumValidation", "WHEN_REQUIRED");
    }

    /** The same settings as environment variables, for functions started in a child JVM. */
    public Map<String, String> sdkEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", SamTemplate.REGION);
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDbServer.endpoint());
        env.put("AWS_ENDPOINT_URL_S3", s3Server.endpoint());
        env.put("AWS_ENDPOINT_URL_SESV2", sesServer.endpoint());
        env.put("AWS_ENDPOINT_URL_SQS", queues.endpoint());
        env.put("AWS_REQUEST_CHECKSUM_CALCULATION", "WHEN_REQUIRED");
        env.put("AWS_RESPONSE_CHECKSUM_VALIDATION", "WHEN_REQUIRED");
        return env;
    }

    private void createBuckets() {
        template.resourcesOfType("AWS::S3::Bucket").keySet().forEach(id -> {
            String name = template.physicalName(id);
            s3.createBucket(b -> b.bucket(name));
            Object versioning = template.properties(id).get("VersioningConfiguration");
            if (versioning instanceof Map<?, ?> v && "Enabled".equals(v.get("Status"))) {
                s3.putBucketVersioning(b -> b.bucket(name).versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
            }
            buckets.add(name);
        });
    }

    /**
     * What the browser logins of the web space receive: the audiences and the operators' scope the
     * template's authorizers expect (its parameters' defaults).
     */
    private static Map<String, Map<String, Object>> loginClaims(SamTemplate defaults) {
        java.util.function.Function<String, Object> parameter = name -> defaults.resolve(Map.of("Ref", name));
        return Map.of(
                OidcIssuers.CITIZEN, Map.of("aud", List.of(parameter.apply("CitizenAudience")), "scope", "openid profile"),
                OidcIssuers.ADMIN, Map.of("aud", List.of(parameter.apply("AdminAudience")), "scope", parameter.apply("AdminScope")),
                // A service asks for its SMART scopes with client credentials: the token carries them, and its client id as subject.
                OidcIssuers.SERVICES, Map.of("aud", List.of(parameter.apply("ServicesAudience")), "scope", "${scope}", "sub", "${clientId}"));
    }

    /** The documents bucket's CORS rule, from the template. */
    @SuppressWarnings("unchecked")
    private S3LocalServer.CorsRule documentsCors() {
        Object configuration = template.resolve(template.properties("DocumentsBucket").get("CorsConfiguration"));
        List<Map<String, Object>> rules = configuration instanceof Map<?, ?> c
                ? (List<Map<String, Object>>) ((Map<String, Object>) c).get("CorsRules") : List.of();
        if (rules == null || rules.isEmpty()) {
            return new S3LocalServer.CorsRule(List.of(), List.of(), List.of(), List.of());
        }
        Map<String, Object> rule = rules.getFirst();
        java.util.function.Function<String, List<String>> strings = key -> rule.get(key) instanceof List<?> l
                ? l.stream().map(String::valueOf).toList() : List.of();
        return new S3LocalServer.CorsRule(strings.apply("AllowedOrigins"), strings.apply("AllowedMethods"),
                strings.apply("AllowedHeaders"), strings.apply("ExposedHeaders"));
    }

    /** The built web frontend, its configuration (issuers, client ids) and what its pages may connect to. */
    private StaticSite site(Path root) {
        String config = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(Map.of(
                "citizen", Map.of("authority", issuers.issuerUrl(OidcIssuers.CITIZEN),
                        "clientId", template.resolve(Map.of("Ref", "CitizenAudience")).toString(), "scope", "openid"),
                "admin", Map.of("authority", issuers.issuerUrl(OidcIssuers.ADMIN),
                        "clientId", template.resolve(Map.of("Ref", "AdminAudience")).toString(),
                        "scope", "openid " + template.resolve(Map.of("Ref", "AdminScope")))));
        String oidcOrigin = java.net.URI.create(issuers.issuerUrl(OidcIssuers.CITIZEN)).resolve("/").toString().replaceAll("/$", "");
        return new StaticSite(root.resolve("web/dist"), config, oidcOrigin + " " + s3Server.endpoint());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.add(resource);
        return resource;
    }

    // ------------------------------------------------------------ what tests and the CLI use

    public SamTemplate template() {
        return template;
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + gateway.port();
    }

    public String sesUrl() {
        return sesServer.endpoint();
    }

    public String s3Url() {
        return s3Server.endpoint();
    }

    public String dynamoDbUrl() {
        return dynamoDbServer.endpoint();
    }

    public OidcIssuers issuers() {
        return issuers;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    /**
     * Writes items straight into a table (BatchWriteItem by 25, 8 threads): the populations of
     * benchmarks and load tests, which would take minutes through the import.
     */
    public void putItems(String table, List<Map<String, AttributeValue>> items) {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int from = 0; from < items.size(); from += 25) {
                List<WriteRequest> requests = items.subList(from, Math.min(items.size(), from + 25)).stream()
                        .map(item -> WriteRequest.builder().putRequest(p -> p.item(item)).build()).toList();
                futures.add(pool.submit(() -> {
                    Map<String, List<WriteRequest>> pending = Map.of(table, requests);
                    while (!pending.isEmpty()) {
                        Map<String, List<WriteRequest>> request = pending;
                        pending = dynamoDb.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
                    }
                }));
            }
            for (var future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    public S3Client s3() {
        return s3;
    }

    public FunctionHost functions() {
        return functions;
    }

    /** A function's environment as the template gives it (tests and benchmarks build its adapters from it). */
    public Map<String, String> functionEnvironment(String logicalId) {
        return template().functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function " + logicalId + " in template.yaml"))
                .environment();
    }

    public LocalGateway gateway() {
        return gateway;
    }

    public LocalScheduler scheduler() {
        return scheduler;
    }

    public List<String> tables() {
        return tables;
    }

    public List<String> buckets() {
        return buckets;
    }

    /** The physical name of a template resource (table, bucket). */
    public String physicalName(String logicalId) {
        return template.physicalName(logicalId);
    }

    public String parameter(String name) {
        return String.valueOf(template.resolve(Map.of("Ref", name)));
    }

    /**
     * Waits until every S3 notification sent so far has been handled by its function, and every
     * message those functions queued has been handled too (a registry file's ranges, its report).
     */
    public void awaitS3Events() {
        notifications.awaitIdle();
        eventSources.awaitIdle(Duration.ofMinutes(10));
    }

    public SqsEventSources eventSources() {
        return eventSources;
    }

    /** Every queue of the template, by URL. */
    public List<String> queueUrls() {
        return List.copyOf(queues.urls().values());
    }

    public long failedS3Events() {
        return notifications.failures();
    }

    public Duration clockOffset() {
        return ServiceClock.offset();
    }

    @Override
    public void close() {
        List<AutoCloseable> reverse = new ArrayList<>(started);
        Collections.reverse(reverse);
        for (AutoCloseable resource : reverse) {
            try {
                resource.close();
            } catch (Exception e) {
                // Keep closing the others.
            }
        }
        ServiceClock.reset();
    }

    /** S3Proxy starts before the functions exist: its events go through here once they do. */
    private static final class S3Relay implements S3LocalServer.ObjectCreated {
        volatile S3Notifications target;

        @Override
        public void created(String eventName, String bucket, String key, long size, String eTag) {
            if (target != null) {
                target.created(eventName, bucket, key, size, eTag);
            }
        }
    }
}
