package fr.ars.coord.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Contracts are plain records shared by every service: no framework beyond Axon's message annotations. */
class ContractsArchitectureTest {

    private final JavaClasses contracts = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.ars.coord.contracts");

    @Test
    void contractsDependOnNoSpringNoMongoNoWebLayer() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                        "org.bson..", "jakarta..", "com.fasterxml..")
                .check(contracts);
    }

    @Test
    void eventsAreRecords() {
        classes().that().haveSimpleNameEndingWith("Event").and().areNotInterfaces()
                .should().beRecords().check(contracts);
    }

    @Test
    void contractsImportedAtAll() {
        org.assertj.core.api.Assertions.assertThat(contracts).as("the rule sees the contract classes").hasSizeGreaterThan(10);
    }
}
