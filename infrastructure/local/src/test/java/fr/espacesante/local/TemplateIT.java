package fr.espacesante.local;

import static fr.espacesante.local.SamTemplate.list;
import static fr.espacesante.local.SamTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.local.support.LocalStackSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContextInitializer;

/**
 * The project's invariants on template.yaml, checked after packaging (so artifacts exist): every
 * function points at its built jar and a real handler, every route is authorised unless listed as
 * public, every policy names its resources, and data at rest is encrypted with our key.
 */
class TemplateIT {

    private final Path root = LocalStackSupport.projectRoot();
    private final SamTemplate template = SamTemplate.load(root.resolve("template.yaml"), Map.of(
            "CitizenIssuerUrl", "https://citizen.example", "ProfessionalIssuerUrl", "https://pro.example",
            "AdminIssuerUrl", "https://admin.example", "NirHashKey", "k", "NirSealKey", "k",
            "CodeKey", "k", "ServicesIssuerUrl", "https://services.example"));

    @Test
    void every_function_points_at_its_built_artifact_and_a_real_entry_point() throws Exception {
        assertThat(template.functions()).isNotEmpty();
        for (var function : template.functions()) {
            Path jar = root.resolve(function.codeUri());
            assertThat(jar).as(function.logicalId() + " artifact").isRegularFile();
            assertThat(function.codeUri()).matches("functions/([a-z-]+)/target/\\1-[^/]+-aws\\.jar");
            assertThat(function.handler()).isEqualTo(
                    "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest");
            Class<?> main = Class.forName(function.environment().get("MAIN_CLASS"));
            assertThat(ApplicationContextInitializer.class).as("functional bean registration").isAssignableFrom(main);
            // The main class names the function in a constant (one jar may hold the functions of several Lambdas).
            List<Object> names = new java.util.ArrayList<>();
            for (var field : main.getFields()) {
                if (java.lang.reflect.Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    names.add(field.get(null));
                }
            }
            assertThat(names).as(function.logicalId() + " function name").contains(
                    function.environment().get("SPRING_CLOUD_FUNCTION_DEFINITION"));
            try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                assertThat(zip.getEntry(function.environment().get("MAIN_CLASS").replace('.', '/') + ".class"))
                        .as("main class inside the shaded jar").isNotNull();
            }
        }
    }

    @Test
    void every_route_has_an_authorizer_unless_listed_as_public() {
        var authorizers = template.authorizers().keySet();
        var publicRoutes = template.publicRoutes();
        for (var function : template.functions()) {
            for (var route : function.routes()) {
                if (publicRoutes.contains(route.routeKey())) {
                    assertThat(route.authorizer()).as(route.routeKey() + " has no Auth (API without a default authorizer)").isNull();
                } else {
                    assertThat(authorizers).as(route.routeKey() + " authorizer").contains(route.authorizer());
                }
            }
        }
        assertThat(authorizers).containsExactlyInAnyOrder("CitizenAuth", "ProfessionalAuth", "AdminAuth", "ServiceAuth");
    }

    @Test
    void every_policy_statement_names_its_actions_and_resources() {
        for (var function : template.functions()) {
            List<?> policies = list(template.properties(function.logicalId()).get("Policies"));
            assertThat(policies).as(function.logicalId() + " policies").isNotEmpty();
            for (Object policy : policies) {
                assertThat(policy).as("inline policy documents only, no managed wildcards").isInstanceOf(Map.class);
                for (Object raw : list(map(policy).get("Statement"))) {
                    Map<String, Object> statement = map(raw);
                    List<String> resources = statement.get("Resource") instanceof List<?> l
                            ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(statement.get("Resource")));
                    List<String> actions = statement.get("Action") instanceof List<?> l
                            ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(statement.get("Action")));
                    for (String resource : resources) {
                        assertThat(resource).as(function.logicalId() + " resource").isNotEqualTo("*").startsWith("arn:");
                        // A wildcard is allowed only for object keys inside a named bucket, the indexes of a
                        // named table, and SES identities when the sender address is pinned by a condition.
                        if (resource.contains("*")) {
                            boolean objectKeys = resource.matches("arn:aws:s3:::[a-z0-9.-]+/.*");
                            boolean tableIndexes = resource.matches("arn:aws:dynamodb:[^*]+:table/[^*/]+/index/\\*");
                            boolean pinnedSender = resource.matches("arn:aws:ses:[^*]+:identity/\\*")
                                    && String.valueOf(statement.get("Condition")).contains("ses:FromAddress");
                            assertThat(objectKeys || tableIndexes || pinnedSender).as(function.logicalId() + " " + resource).isTrue();
                        }
                    }
                    actions.forEach(action -> assertThat(action).as(function.logicalId() + " action").doesNotContain("*"));
                }
            }
        }
    }

    @Test
    void the_access_history_is_append_only_for_every_function() {
        String historyArn = String.valueOf(template.resolve(Map.of("Fn::GetAtt", List.of("AccessHistoryTable", "Arn"))));
        for (var function : template.functions()) {
            // The purge is the one exception: it erases a deleted space's history whole, and never writes any.
            List<String> allowed = function.logicalId().equals("SpacePurgeFunction")
                    ? List.of("dynamodb:Query", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem")
                    : List.of("dynamodb:PutItem", "dynamodb:Query");
            for (Object policy : list(template.properties(function.logicalId()).get("Policies"))) {
                for (Object raw : list(map(policy).get("Statement"))) {
                    Map<String, Object> statement = map(raw);
                    if (String.valueOf(statement.get("Resource")).contains(historyArn)) {
                        assertThat(statement.get("Action") instanceof List<?> l ? l : List.of(statement.get("Action")))
                                .as(function.logicalId() + " on the access history")
                                .allMatch(a -> allowed.contains(String.valueOf(a)));
                    }
                }
            }
        }
    }

    @Test
    void tables_and_buckets_are_encrypted_with_our_rotated_key_and_never_public() {
        assertThat(template.properties("DataKey").get("EnableKeyRotation")).isEqualTo(true);
        template.resourcesOfType("AWS::DynamoDB::Table").keySet().forEach(id -> {
            var p = template.properties(id);
            assertThat(p.get("BillingMode")).as(id).isEqualTo("PAY_PER_REQUEST");
            assertThat(map(p.get("SSESpecification"))).as(id).containsEntry("SSEEnabled", true).containsEntry("SSEType", "KMS")
                    .containsKey("KMSMasterKeyId");
            assertThat(map(p.get("PointInTimeRecoverySpecification"))).as(id).containsEntry("PointInTimeRecoveryEnabled", true);
        });
        var bucketPolicies = template.resourcesOfType("AWS::S3::BucketPolicy").keySet().stream()
                .map(template::properties).toList();
        template.resourcesOfType("AWS::S3::Bucket").keySet().forEach(id -> {
            var p = template.properties(id);
            var byDefault = map(map(list(map(p.get("BucketEncryption")).get("ServerSideEncryptionConfiguration")).get(0))
                    .get("ServerSideEncryptionByDefault"));
            if (id.equals("SiteBucket")) {
                // Public static files of the web space only, read by CloudFront (see the template's comment).
                assertThat(byDefault).as(id).containsEntry("SSEAlgorithm", "AES256");
            } else {
                assertThat(byDefault).as(id).containsEntry("SSEAlgorithm", "aws:kms").containsKey("KMSMasterKeyID");
            }
            assertThat(map(p.get("PublicAccessBlockConfiguration")).values()).as(id).hasSize(4).containsOnly(true);
            assertThat(map(p.get("VersioningConfiguration"))).as(id).containsEntry("Status", "Enabled");
            String name = template.physicalName(id);
            assertThat(bucketPolicies).as(id + " TLS-only policy").anySatisfy(policy -> {
                assertThat(policy.get("Bucket")).isEqualTo(name);
                assertThat(policy.toString()).contains("aws:SecureTransport=false").contains("Effect=Deny");
            });
        });
    }

    @Test
    void globals_and_parameters_follow_the_platform_rules() throws java.io.IOException {
        var globals = map(map(template.document().get("Globals")).get("Function"));
        assertThat(globals.get("Runtime")).isEqualTo("java21");
        assertThat(globals.get("Tracing")).isEqualTo("Active");
        assertThat(map(globals.get("SnapStart"))).containsEntry("ApplyOn", "PublishedVersions");
        var parameters = map(template.document().get("Parameters"));
        assertThat(map(parameters.get("ObjectionPeriodDays")).get("Default")).isEqualTo(42);
        assertThat(map(parameters.get("NirHashKey")).get("NoEcho")).isEqualTo(true);
        assertThat(map(parameters.get("NirSealKey")).get("NoEcho")).isEqualTo(true);
        assertThat(map(map(template.document().get("Metadata")).get("EspaceSante")).get("Region")).isEqualTo("eu-west-3");
        assertThat(Files.readString(root.resolve("samconfig.toml")))
                .contains("region = \"eu-west-3\"");
    }
}
