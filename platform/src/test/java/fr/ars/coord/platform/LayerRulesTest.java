package fr.ars.coord.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import fr.ars.coord.platform.testing.LayerRules;
import org.junit.jupiter.api.Test;

/**
 * The layer rules catch what they are for, on a deliberately wrong module ({@code fr.ars.coord.archfixture}), and
 * the platform itself keeps them.
 */
class LayerRulesTest {

    private final JavaClasses wrong = new ClassFileImporter().importPackages("fr.ars.coord.archfixture");

    @Test
    void eachRuleFailsOnAWrongImport() {
        String base = "fr.ars.coord.archfixture";
        assertThat(wrong).hasSize(3);
        assertThat(LayerRules.domainKnowsNoWebNorPersistence(base, "command")
                        .evaluate(wrong)
                        .getFailureReport()
                        .getDetails())
                .anyMatch(line -> line.contains("WrongAggregate") && line.contains("org.springframework.http"));
        assertThat(LayerRules.nothingDependsOnWeb(base)
                        .evaluate(wrong)
                        .getFailureReport()
                        .getDetails())
                .anyMatch(line -> line.contains("WrongView") && line.contains("WrongController"));
        assertThat(LayerRules.domainReadsNoReadModel(base)
                        .evaluate(wrong)
                        .getFailureReport()
                        .getDetails())
                .anyMatch(line -> line.contains("WrongAggregate") && line.contains("WrongView"));
        assertThat(LayerRules.noPackageCycles(base).evaluate(wrong).hasViolation())
                .isTrue();
        assertThat(LayerRules.aggregatesKnowNoWebNorPersistence(base)
                        .evaluate(wrong)
                        .getFailureReport()
                        .getDetails())
                .anyMatch(line -> line.contains("WrongAggregate") && line.contains("org.springframework.http"));
    }

    @Test
    void thePlatformKeepsItsLayers() {
        JavaClasses platform = LayerRules.mainClasses("fr.ars.coord.platform");
        assertThat(platform.size()).isGreaterThan(20);
        for (ArchRule rule : LayerRules.forPlatform()) {
            rule.check(platform);
        }
    }

    @Test
    void everyPackageSaysWhatItHolds() {
        org.assertj.core.api.Assertions.assertThat(fr.ars.coord.platform.testing.LayerRules.packagesWithoutDescription(
                        java.nio.file.Path.of("src/main/java")))
                .as("packages without a package-info.java")
                .isEmpty();
    }
}
