package org.tlsconf;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package rules of DESIGN.md. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.tlsconf");

    @Test
    void jnaIsUsedOnlyByTheWindowsBackend() {
        noClasses().that().resideOutsideOfPackage("org.tlsconf.registry.windows..")
                .should().dependOnClassesThat().resideInAPackage("com.sun.jna..").check(CLASSES);
    }

    @Test
    void picocliIsUsedOnlyByTheCliAndMain() {
        noClasses().that().resideOutsideOfPackage("org.tlsconf.cli..").and().doNotBelongToAnyOf(Main.class).should().dependOnClassesThat().resideInAPackage("picocli..").check(CLASSES);
    }

    @Test
    void theRegistryPortDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("org.tlsconf.registry").should().onlyDependOnClassesThat()
                .resideInAnyPackage("org.tlsconf.registry", "java..").check(CLASSES);
        classes().that().resideInAPackage("org.tlsconf.registry.regfile").should().onlyDependOnClassesThat()
                .resideInAnyPackage("org.tlsconf.registry..", "java..").check(CLASSES);
    }

    @Test
    void onlyMainKnowsTheConcreteBackends() {
        noClasses().that().doNotBelongToAnyOf(Main.class).and()
                .resideOutsideOfPackages("org.tlsconf.registry..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tlsconf.registry.windows..")
                .orShould().dependOnClassesThat().belongToAnyOf(
                        org.tlsconf.registry.regfile.RegFileRegistry.class).check(CLASSES);
    }

    @Test
    void nothingButTheCliWritesToTheConsole() {
        noClasses().that().resideOutsideOfPackage("org.tlsconf.cli..").and()
                .doNotBelongToAnyOf(Main.class)
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(CLASSES);
    }

    @Test
    void registryNamesAreComparedOnlyThroughTheOneCaseFoldingRule() {
        // String.equalsIgnoreCase and toUpperCase disagree with Windows and with each other (ß/SS, İ/i)
        noClasses().that().resideInAnyPackage("org.tlsconf.registry..", "org.tlsconf.tls..",
                "org.tlsconf.profile..", "org.tlsconf.plan..", "org.tlsconf.audit..", "org.tlsconf.apply..")
                .and().doNotBelongToAnyOf(org.tlsconf.registry.RegistryNames.class)
                .should().callMethod(String.class, "equalsIgnoreCase", String.class)
                .orShould().callMethod(String.class, "toUpperCase", java.util.Locale.class)
                .orShould().callMethod(String.class, "toUpperCase")
                .orShould().callMethod(String.class, "compareToIgnoreCase", String.class)
                .orShould().accessField(String.class, "CASE_INSENSITIVE_ORDER")
                .check(CLASSES);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.tlsconf.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
