package fr.ars.coord.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Contracts are plain records shared by every service: no framework beyond Axon's message annotations and
 * Jackson's annotations (which fix how a {@code Region} is written, whatever mapper writes it).
 */
class ContractsArchitectureTest {

    private final JavaClasses contracts = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.ars.coord.contracts");

    @Test
    void contractsDependOnNoSpringNoMongoNoWebLayer() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..", "com.mongodb..", "org.bson..", "jakarta..", "tools.jackson..")
                .orShould()
                .dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "Jackson beyond its annotations",
                        c -> c.getPackageName().startsWith("com.fasterxml")
                                && !c.getPackageName().equals("com.fasterxml.jackson.annotation")))
                .check(contracts);
    }

    @Test
    void eventsAreRecords() {
        classes()
                .that()
                .haveSimpleNameEndingWith("Event")
                .and()
                .areNotInterfaces()
                .should()
                .beRecords()
                .check(contracts);
    }

    @Test
    void contractsImportedAtAll() {
        org.assertj.core.api.Assertions.assertThat(contracts)
                .as("the rule sees the contract classes")
                .hasSizeGreaterThan(10);
    }
}
