package org.scadamqtt.mqtt;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The import rules of docs/architecture.md and docs/profiles.md, checked on the driver's compiled
 * classes: one Paho package, profiles on the seam only, a seam that exposes no internals.
 */
class ImportRulesTest {

    private static JavaClasses driver;

    @BeforeAll
    static void load() {
        driver = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.scadamqtt.mqtt");
    }

    @Test
    void onlyTheClientPackageImportsPaho() {
        noClasses().that().resideOutsideOfPackage("org.scadamqtt.mqtt.internal.client..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.paho..")
                .because("only internal.client may import Paho (PAHO-NOTES.md workarounds live there)")
                .check(driver);
    }

    @Test
    void profilesUseOnlyTheSeam() {
        classes().that().resideInAPackage("org.scadamqtt.mqtt.profiles..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.scadamqtt.mqtt.profile..",
                        "org.scadamqtt.mqtt.profiles..", "org.scadamqtt.config..", "org.scadamqtt.tag..",
                        "org.scadamqtt.driver..", "java..", "javax..", "com.fasterxml.jackson..",
                        "com.google.protobuf..", "org.slf4j..")
                .because("a profile plugs into the driver through org.scadamqtt.mqtt.profile alone (docs/profiles.md)")
                .check(driver);
    }

    @Test
    void theSeamExposesNoInternals() {
        noClasses().that().resideInAPackage("org.scadamqtt.mqtt.profile..")
                .should().dependOnClassesThat().resideInAnyPackage("org.scadamqtt.mqtt.internal..",
                        "org.scadamqtt.mqtt.profiles..", "org.eclipse.paho..")
                .check(driver);
    }

    @Test
    void outsideInternalOnlyTheProviderTheParameterTableAndTheSeam() {
        classes().that().resideInAPackage("org.scadamqtt.mqtt")
                .should().haveSimpleNameStartingWith("MqttDriverProvider")
                .orShould().haveSimpleNameStartingWith("MqttParameters")
                .because("everything but the provider, the parameter table and the profile seam lives under "
                        + "internal (docs/architecture.md)")
                .check(driver);
        noClasses().that().resideOutsideOfPackages("org.scadamqtt.mqtt.internal..", "org.scadamqtt.mqtt.profiles..")
                .and().resideInAPackage("org.scadamqtt.mqtt..")
                .should().beAssignableTo(org.scadamqtt.driver.Driver.class)
                .because("the driver class itself is internal; the host gets it through the provider")
                .check(driver);
    }

    @Test
    void theSeamCouldBeFailedByABrokenRule() {
        // the importer sees the classes the rules talk about: a rule over an empty set would pass silently
        org.junit.jupiter.api.Assertions.assertTrue(driver.containPackage("org.scadamqtt.mqtt.profiles.json"));
        org.junit.jupiter.api.Assertions.assertTrue(driver.containPackage("org.scadamqtt.mqtt.internal.client"));
    }
}
