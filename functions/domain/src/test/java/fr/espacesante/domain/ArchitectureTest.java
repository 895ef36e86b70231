package fr.espacesante.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules stay plain Java: no cloud, framework or serialisation types leak into the domain. */
@AnalyzeClasses(packages = "fr.espacesante.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_is_plain_java = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("software.amazon..", "com.amazonaws..", "org.springframework..",
                    "com.fasterxml.jackson..", "tools.jackson..", "org.apache..", "jakarta..");

    @ArchTest
    static final ArchRule ports_do_not_know_implementations = noClasses().that()
            .resideInAPackage("..port..").should().dependOnClassesThat().resideInAPackage("..population.PopulationImport");
}
