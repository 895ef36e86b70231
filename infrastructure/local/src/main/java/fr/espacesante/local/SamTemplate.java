package fr.espacesante.local;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The SAM template as the local stack sees it: CloudFormation short-form tags read as their long
 * form, intrinsic functions resolved with local values (parameters, pseudo parameters, physical
 * names), and the parts the emulators need (tables, buckets, functions with their events,
 * authorizers) exposed as plain records.
 */
public final class SamTemplate {

    public static final String STACK_NAME = "espace-sante";
    public static final String REGION = "eu-west-3";
    public static final String ACCOUNT_ID = "000000000000";

    private final Map<String, Object> root;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> resources;
    /** Where the local queues are served: a queue's !Ref is its URL there. */
    private final String queueEndpoint;

    private SamTemplate(Map<String, Object> root, Map<String, String> overrides) {
        this(root, overrides, "https://sqs." + REGION + ".amazonaws.com");
    }

    @SuppressWarnings("unchecked")
    private SamTemplate(Map<String, Object> root, Map<String, String> overrides, String queueEndpoint) {
        this.root = root;
        this.queueEndpoint = queueEndpoint;
        this.resources = (Map<String, Map<String, Object>>) (Map<?, ?>) map(root.get("Resources"));
        map(root.get("Parameters")).forEach((name, definition) -> {
            Object fallback = map(definition).get("Default");
            String value = overrides.getOrDefault(name, fallback == null ? null : String.valueOf(fallback));
            if (value != null) {
                parameters.put(name, value);
            }
        });
    }

    public static SamTemplate load(Path file, Map<String, String> parameterOverrides) {
        LoaderOptions options = new LoaderOptions();
        Yaml yaml = new Yaml(new CloudFormationConstructor(options));
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Object> root = yaml.load(reader);
            return new SamTemplate(root, parameterOverrides);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** The same parsed template with other parameter values. */
    public SamTemplate withParameters(Map<String, String> parameterOverrides) {
        return new SamTemplate(root, parameterOverrides, queueEndpoint);
    }

    /** The same template, its queues served at {@code endpoint}. */
    public SamTemplate withQueueEndpoint(String endpoint) {
        return new SamTemplate(root, parameters, endpoint);
    }

    /** The raw document (long-form intrinsics, unresolved), for the template's own tests. */
    public Map<String, Object> document() {
        return root;
    }

    public Map<String, Map<String, Object>> resources() {
        return resources;
    }

    public Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources.forEach((id, resource) -> {
            if (type.equals(resource.get("Type"))) {
                found.put(id, resource);
            }
        });
        return found;
    }

    /** A resource's Properties with every intrinsic resolved. */
    public Map<String, Object> properties(String logicalId) {
        return map(resolve(map(resources.get(logicalId)).get("Properties")));
    }

    // ------------------------------------------------------------ functions and their events

    public record HttpRoute(String method, String path, String authorizer, List<String> scopes) {
        public String routeKey() {
            return method + " " + path;
        }
    }

    public record S3Trigger(String bucket, List<String> events, String prefix, String suffix) {
        public boolean matches(String key) {
            return key.startsWith(prefix) && key.endsWith(suffix);
        }
    }

    public record Schedule(String name, String expression, String input, boolean enabled) {
    }

    /** An SQS event source mapping: the queue's name, messages per invocation, concurrent pollers. */
    public record SqsTrigger(String queue, int batchSize, int maximumConcurrency) {
    }

    /** A queue: its name, visibility timeout, and where its messages go after {@code maxReceiveCount} receives. */
    public record QueueDef(String name, int visibilityTimeout, String deadLetterQueue,
                           int maxReceiveCount) {
    }

    public record FunctionDef(String logicalId, String codeUri, String handler, Map<String, String> environment,
                              List<HttpRoute> routes, List<S3Trigger> s3Triggers, List<Schedule> schedules,
                              List<SqsTrigger> sqsTriggers) {
    }

    /** The template's queues, dead-letter queues first (a queue's redrive policy names an existing one). */
    public List<QueueDef> queues() {
        List<QueueDef> queues = new ArrayList<>();
        resourcesOfType("AWS::SQS::Queue").keySet().forEach(id -> {
            Map<String, Object> props = properties(id);
            Map<String, Object> redrive = map(props.get("RedrivePolicy"));
            String target = redrive.get("deadLetterTargetArn") == null ? null
                    : String.valueOf(redrive.get("deadLetterTargetArn")).replaceAll("^.*:", "");
            queues.add(new QueueDef(physicalName(id),
                    Integer.parseInt(String.valueOf(props.getOrDefault("VisibilityTimeout", "30"))),
                    target, Integer.parseInt(String.valueOf(redrive.getOrDefault("maxReceiveCount", "0")))));
        });
        queues.sort(java.util.Comparator.comparing(q -> q.deadLetterQueue() != null));
        return queues;
    }

    public record Authorizer(String name, String issuer, List<String> audiences) {
    }

    public List<FunctionDef> functions() {
        Map<String, Object> globals = map(resolve(map(map(root.get("Globals")).get("Function"))));
        List<FunctionDef> functions = new ArrayList<>();
        resourcesOfType("AWS::Serverless::Function").keySet().forEach(id -> {
            Map<String, Object> props = properties(id);
            Map<String, String> env = new LinkedHashMap<>();
            map(map(globals.get("Environment")).get("Variables")).forEach((k, v) -> env.put(k, String.valueOf(v)));
            map(map(props.get("Environment")).get("Variables")).forEach((k, v) -> env.put(k, String.valueOf(v)));
            List<HttpRoute> routes = new ArrayList<>();
            List<S3Trigger> triggers = new ArrayList<>();
            List<Schedule> schedules = new ArrayList<>();
            List<SqsTrigger> queues = new ArrayList<>();
            map(props.get("Events")).forEach((eventName, raw) -> {
                Map<String, Object> event = map(raw);
                Map<String, Object> p = map(event.get("Properties"));
                switch (String.valueOf(event.get("Type"))) {
                    case "HttpApi" -> {
                        Map<String, Object> auth = map(p.get("Auth"));
                        Object authorizer = auth.get("Authorizer");
                        routes.add(new HttpRoute(String.valueOf(p.getOrDefault("Method", "ANY")).toUpperCase(),
                                String.valueOf(p.get("Path")),
                                authorizer == null ? null : String.valueOf(authorizer),
                                strings(auth.get("AuthorizationScopes"))));
                    }
                    case "S3" -> {
                        String prefix = "";
                        String suffix = "";
                        for (Object rule : list(map(map(p.get("Filter")).get("S3Key")).get("Rules"))) {
                            Map<String, Object> r = map(rule);
                            if ("prefix".equalsIgnoreCase(String.valueOf(r.get("Name")))) {
                                prefix = String.valueOf(r.get("Value"));
                            } else {
                                suffix = String.valueOf(r.get("Value"));
                            }
                        }
                        Object events = p.get("Events");
                        triggers.add(new S3Trigger(String.valueOf(p.get("Bucket")),
                                events instanceof List<?> ? strings(events) : List.of(String.valueOf(events)),
                                prefix, suffix));
                    }
                    case "ScheduleV2" -> schedules.add(new Schedule(
                            Objects.toString(p.get("Name"), eventName),
                            String.valueOf(p.get("ScheduleExpression")),
                            Objects.toString(p.get("Input"), "{}"),
                            !"DISABLED".equals(p.get("State"))));
                    case "SQS" -> queues.add(new SqsTrigger(
                            String.valueOf(p.get("Queue")).replaceAll("^.*:", ""),
                            Integer.parseInt(String.valueOf(p.getOrDefault("BatchSize", "10"))),
                            Integer.parseInt(String.valueOf(map(p.get("ScalingConfig")).getOrDefault("MaximumConcurrency", "1000")))));
                    default -> {
                        // Other event sources are not emulated yet.
                    }
                }
            });
            functions.add(new FunctionDef(id,
                    String.valueOf(props.get("CodeUri")),
                    String.valueOf(props.getOrDefault("Handler", globals.get("Handler"))),
                    env, routes, triggers, schedules, queues));
        });
        return functions;
    }

    public Map<String, Authorizer> authorizers() {
        Map<String, Authorizer> found = new LinkedHashMap<>();
        resourcesOfType("AWS::Serverless::HttpApi").keySet().forEach(id ->
                map(map(properties(id).get("Auth")).get("Authorizers")).forEach((name, raw) -> {
                    Map<String, Object> jwt = map(map(raw).get("JwtConfiguration"));
                    found.put(name, new Authorizer(name, String.valueOf(jwt.get("issuer")), strings(jwt.get("audience"))));
                }));
        return found;
    }

    /** A route's throttle as API Gateway applies it: a bucket of {@code burst} requests refilled at {@code rate} a second. */
    public record Throttle(int burst, double rate) {
    }

    /**
     * The HTTP API's throttles: {@code DefaultRouteSettings} for every route, {@code RouteSettings} by
     * route key on top. Empty when the template sets none.
     */
    public Map<String, Throttle> throttles() {
        Map<String, Throttle> found = new LinkedHashMap<>();
        resourcesOfType("AWS::Serverless::HttpApi").keySet().forEach(id -> {
            Map<String, Object> api = properties(id);
            throttle(map(api.get("DefaultRouteSettings"))).ifPresent(t -> found.put("$default", t));
            map(api.get("RouteSettings")).forEach((route, raw) -> throttle(map(raw)).ifPresent(t -> found.put(route, t)));
        });
        return found;
    }

    private java.util.Optional<Throttle> throttle(Map<String, Object> settings) {
        Object burst = resolve(settings.get("ThrottlingBurstLimit"));
        Object rate = resolve(settings.get("ThrottlingRateLimit"));
        if (burst == null || rate == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Throttle(Integer.parseInt(burst.toString()), Double.parseDouble(rate.toString())));
    }

    public List<String> publicRoutes() {
        return strings(map(map(root.get("Metadata")).get("EspaceSante")).get("PublicRoutes"));
    }

    /** The physical name a resource gets locally (what !Ref returns). */
    public String physicalName(String logicalId) {
        Map<String, Object> resource = map(resources.get(logicalId));
        Object type = resource.get("Type");
        if ("AWS::S3::Bucket".equals(type)) {
            Object name = map(resource.get("Properties")).get("BucketName");
            return name == null ? logicalId.toLowerCase() : String.valueOf(resolve(name));
        }
        if ("AWS::DynamoDB::Table".equals(type)) {
            Object name = map(resource.get("Properties")).get("TableName");
            return name == null ? logicalId : String.valueOf(resolve(name));
        }
        if ("AWS::SQS::Queue".equals(type)) {
            Object name = map(resource.get("Properties")).get("QueueName");
            return name == null ? STACK_NAME + "-" + logicalId : String.valueOf(resolve(name));
        }
        return logicalId;
    }

    // ------------------------------------------------------------ intrinsic functions

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    public Object resolve(Object value) {
        if (value instanceof List<?> items) {
            return items.stream().map(this::resolve).toList();
        }
        if (!(value instanceof Map<?, ?> raw)) {
            return value;
        }
        Map<String, Object> m = map(raw);
        if (m.size() == 1) {
            String fn = m.keySet().iterator().next();
            Object arg = m.get(fn);
            switch (fn) {
                case "Ref":
                    return ref(String.valueOf(arg));
                case "Fn::Sub":
                    return sub(arg);
                case "Fn::GetAtt":
                    List<String> parts = arg instanceof String s ? List.of(s.split("\\.", 2)) : strings(arg);
                    return getAtt(parts.get(0), parts.get(1));
                case "Fn::Join": {
                    List<?> args = list(arg);
                    return String.join(String.valueOf(args.get(0)),
                            list(resolve(args.get(1))).stream().map(String::valueOf).toList());
                }
                default:
                    break;
            }
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        m.forEach((k, v) -> resolved.put(k, resolve(v)));
        return resolved;
    }

    private String ref(String name) {
        return switch (name) {
            case "AWS::StackName" -> STACK_NAME;
            case "AWS::Region" -> REGION;
            case "AWS::AccountId" -> ACCOUNT_ID;
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            default -> {
                if (parameters.containsKey(name)) {
                    yield parameters.get(name);
                }
                if (resources.containsKey(name)) {
                    // A queue's !Ref is its URL.
                    yield "AWS::SQS::Queue".equals(map(resources.get(name)).get("Type"))
                            ? queueEndpoint + "/" + ACCOUNT_ID + "/" + physicalName(name) : physicalName(name);
                }
                throw new IllegalStateException("template: !Ref to unknown name " + name);
            }
        };
    }

    private String getAtt(String logicalId, String attribute) {
        if (!resources.containsKey(logicalId)) {
            throw new IllegalStateException("template: !GetAtt on unknown resource " + logicalId);
        }
        String type = String.valueOf(map(resources.get(logicalId)).get("Type"));
        String name = physicalName(logicalId);
        return switch (type) {
            case "AWS::S3::Bucket" -> "arn:aws:s3:::" + name;
            case "AWS::DynamoDB::Table" -> "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT_ID + ":table/" + name;
            case "AWS::KMS::Key" -> "arn:aws:kms:" + REGION + ":" + ACCOUNT_ID + ":key/" + name;
            case "AWS::SQS::Queue" -> "arn:aws:sqs:" + REGION + ":" + ACCOUNT_ID + ":" + name;
            default -> "arn:aws:local:" + REGION + ":" + ACCOUNT_ID + ":" + name + "/" + attribute;
        };
    }

    private String sub(Object arg) {
        String text;
        Map<String, Object> variables = new LinkedHashMap<>();
        if (arg instanceof List<?> args) {
            text = String.valueOf(args.get(0));
            map(args.get(1)).forEach((k, v) -> variables.put(k, resolve(v)));
        } else {
            text = String.valueOf(arg);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            Object value;
            if (variables.containsKey(variable)) {
                value = variables.get(variable);
            } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
                String[] parts = variable.split("\\.", 2);
                value = getAtt(parts[0], parts[1]);
            } else {
                value = ref(variable);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    // ------------------------------------------------------------ small helpers

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }

    /** Reads !Ref, !Sub, !GetAtt... as the long form {"Ref": ...}, {"Fn::Sub": ...}. */
    private static final class CloudFormationConstructor extends SafeConstructor {
        CloudFormationConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new LongForm("Ref"));
            for (String fn : List.of("Sub", "GetAtt", "Join", "Select", "Split", "If", "Equals", "Not", "And", "Or",
                    "FindInMap", "Base64", "ImportValue", "GetAZs", "Cidr", "Condition")) {
                yamlConstructors.put(new Tag("!" + fn), new LongForm(fn.equals("Condition") ? "Condition" : "Fn::" + fn));
            }
        }

        private final class LongForm extends AbstractConstruct {
            private final String name;

            LongForm(String name) {
                this.name = name;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                Map<String, Object> longForm = new LinkedHashMap<>();
                longForm.put(name, value);
                return longForm;
            }
        }
    }
}
