package fr.ars.coord.console;

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
 * The console's packages: {@code web} (pages and forms) uses the others and nothing uses it; {@code api} (the
 * platform's API as the console calls it) and {@code session} (sealed sessions) use no other package of the console;
 * {@code security} (sign-in) uses only {@code session}; no cycle.
 */
class LayersTest {

    private static final String BASE = "fr.ars.coord.console";

    static final List<ArchRule> RULES = List.of(
            noClasses()
                    .that()
                    .resideInAPackage(BASE + "..")
                    .and()
                    .resideOutsideOfPackage(BASE + ".web..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(BASE + ".web..")
                    .because("pages use the API client and the session, never the reverse"),
            noClasses()
                    .that()
                    .resideInAPackage(BASE + ".api..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(BASE + ".security..", BASE + ".session..")
                    .because("the API client takes the user's token, not the way it was obtained"),
            noClasses()
                    .that()
                    .resideInAPackage(BASE + ".session..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(BASE + ".api..", BASE + ".security..")
                    .because("sessions are sealed whatever they hold"),
            noClasses()
                    .that()
                    .resideInAPackage(BASE + ".security..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(BASE + ".api..")
                    .because("signing in does not call the platform's API"),
            slices().matching(BASE + ".(*)..").should().beFreeOfCycles());

    @Test
    void packagesKeepTheirPlaces() {
        JavaClasses classes = LayerRules.mainClasses(BASE);
        assertThat(classes.size()).isGreaterThan(20);
        RULES.forEach(rule -> rule.check(classes));
    }

    /** The rules are not empty words: an API class (a test fixture) that reads a page's words is caught. */
    @Test
    void anApiClassThatReadsThePagesIsCaught() {
        JavaClasses wrong = new ClassFileImporter()
                .importClasses(fr.ars.coord.console.api.PageReadingClient.class, fr.ars.coord.console.web.Labels.class);
        assertThatThrownBy(() -> RULES.get(0).check(wrong))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PageReadingClient");
    }

    /** Every package of the module says what it holds, in its package-info.java. */
    @Test
    void everyPackageSaysWhatItHolds() {
        assertThat(LayerRules.packagesWithoutDescription(Path.of("src/main/java")))
                .isEmpty();
    }
}
