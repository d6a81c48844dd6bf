package org.scadamqtt.host;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The host reaches drivers only through driver-api (docs/architecture.md). */
class ImportRulesTest {

    @Test
    void theHostNeverImportsTheMqttDriver() {
        JavaClasses host = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.scadamqtt.host");
        Assertions.assertTrue(host.containPackage("org.scadamqtt.host.web"), "the host's classes were imported");
        noClasses().should().dependOnClassesThat().resideInAPackage("org.scadamqtt.mqtt..")
                .because("drivers are plugins found through driver-api; the host must run with any of them")
                .check(host);
    }
}
