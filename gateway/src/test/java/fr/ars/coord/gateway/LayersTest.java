package fr.ars.coord.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import fr.ars.coord.platform.testing.LayerRules;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gateway's packages: {@code web} (the problem answers the gateway gives itself) is the base every other
 * package may use and that uses none of them; {@code routing}, {@code security} and {@code filter} are
 * independent of one another (each is wired by the application, not by the others); no cycle.
 */
class LayersTest {

    private static final String BASE = "fr.ars.coord.gateway";

    static final List<ArchRule> RULES = List.of(
            noClasses()
                    .that()
                    .resideInAPackage(BASE + ".web..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(BASE + ".routing..", BASE + ".security..", BASE + ".filter..")
                    .because("the gateway's own answers know nothing of routes, tokens or limits"),
            noClasses()
                    .that()
                    .resideInAPackage(BASE + ".routing..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(BASE + ".security..", BASE + ".filter..")
                    .because("routing is independent of token checks and limits"),
            noClasses()
                    .that()
                    .resideInAPackage(BASE + ".security..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(BASE + ".routing..", BASE + ".filter..")
                    .because("token checks are independent of routes and limits"),
            noClasses()
                    .that()
                    .resideInAPackage(BASE + ".filter..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(BASE + ".routing..", BASE + ".security..")
                    .because("limits and logs are independent of routes and token checks"),
            slices().matching(BASE + ".(*)..").should().beFreeOfCycles());

    @Test
    void packagesKeepTheirPlaces() {
        JavaClasses classes = LayerRules.mainClasses(BASE);
        assertThat(classes.size()).isGreaterThan(20);
        RULES.forEach(rule -> rule.check(classes));
    }

    /** The rules are not empty words: a web class (a test fixture) that reads the routes is caught. */
    @Test
    void aWebClassThatReadsTheRoutesIsCaught() {
        JavaClasses wrong = new ClassFileImporter()
                .importClasses(
                        fr.ars.coord.gateway.web.RouteReadingAnswer.class,
                        fr.ars.coord.gateway.routing.RouteFixture.class);
        assertThatThrownBy(() -> RULES.get(0).check(wrong))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("RouteReadingAnswer");
    }

    /** Every package of the module says what it holds, in its package-info.java. */
    @Test
    void everyPackageSaysWhatItHolds() {
        assertThat(LayerRules.packagesWithoutDescription(Path.of("src/main/java")))
                .isEmpty();
    }
}
