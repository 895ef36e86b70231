package fr.espacesante.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency direction of the whole hexagon, over every module: functions (handlers and their
 * wiring) → use cases and ports of the domain ← adapters. The domain knows neither; route handlers
 * reach storage only through ports; functions never reach one another; nothing reaches the local stack.
 */
@AnalyzeClasses(packages = "fr.espacesante", importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonTest {

    /** One package per Lambda module. */
    private static final String[] FUNCTIONS = {"fr.espacesante.campaignadmin..", "fr.espacesante.documentintake..",
            "fr.espacesante.documents..", "fr.espacesante.mailevents..", "fr.espacesante.objection..",
            "fr.espacesante.patientspace..", "fr.espacesante.populationadmin..", "fr.espacesante.populationimport..",
            "fr.espacesante.professionalaccess..", "fr.espacesante.spacesweep..", "fr.espacesante.wavesender.."};

    /** The storage and messaging adapters, by feature (the HTTP pipeline and the wiring helpers excluded). */
    private static final String[] STORAGE_ADAPTERS = {"fr.espacesante.aws.access..", "fr.espacesante.aws.campaign..",
            "fr.espacesante.aws.document..", "fr.espacesante.aws.family..", "fr.espacesante.aws.letters..",
            "fr.espacesante.aws.limits..", "fr.espacesante.aws.mail..", "fr.espacesante.aws.person..",
            "fr.espacesante.aws.population..", "fr.espacesante.aws.space..", "fr.espacesante.aws.time.."};

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Functions").definedBy(FUNCTIONS)
            .layer("HttpPipeline").definedBy("fr.espacesante.aws.http..", "fr.espacesante.aws.function..")
            .layer("Adapters").definedBy(concat(STORAGE_ADAPTERS, "fr.espacesante.aws"))
            .layer("Domain").definedBy("fr.espacesante.domain..")
            .layer("LocalStack").definedBy("fr.espacesante.local..")
            .whereLayer("Functions").mayOnlyBeAccessedByLayers("LocalStack")
            .whereLayer("HttpPipeline").mayOnlyBeAccessedByLayers("Functions", "LocalStack")
            .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Functions", "HttpPipeline", "LocalStack")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Functions", "HttpPipeline", "Adapters", "LocalStack")
            .whereLayer("LocalStack").mayNotBeAccessedByAnyLayer();

    /** Route handlers call use cases; only a function's wiring class (its initializer) builds adapters. */
    @ArchTest
    static final ArchRule route_handlers_reach_storage_only_through_ports = noClasses()
            .that().resideInAnyPackage(FUNCTIONS).and().haveSimpleNameEndingWith("Routes")
            .should().dependOnClassesThat().resideInAnyPackage(concat(STORAGE_ADAPTERS, "fr.espacesante.aws"));

    @ArchTest
    static final ArchRule ports_depend_only_on_the_domain = noClasses()
            .that().resideInAPackage("fr.espacesante.domain..port..")
            .should().dependOnClassesThat().resideInAnyPackage("fr.espacesante.aws..", "fr.espacesante.local..",
                    "software.amazon..", "org.springframework..");

    @ArchTest
    static final ArchRule functions_are_independent = functionsIndependent();

    private static ArchRule functionsIndependent() {
        ArchRule rule = null;
        for (String function : FUNCTIONS) {
            String[] others = java.util.Arrays.stream(FUNCTIONS).filter(f -> !f.equals(function)).toArray(String[]::new);
            ArchRule one = noClasses().that().resideInAPackage(function).should().dependOnClassesThat().resideInAnyPackage(others);
            rule = rule == null ? one : com.tngtech.archunit.lang.CompositeArchRule.of(rule).and(one);
        }
        return rule;
    }

    private static String[] concat(String[] packages, String more) {
        String[] all = java.util.Arrays.copyOf(packages, packages.length + 1);
        all[packages.length] = more;
        return all;
    }
}
