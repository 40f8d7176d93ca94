package fr.ars.coord.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's phases are independent: each measures through {@link BenchPlatform}, {@link EventStoreQueries}
 * and {@link Results}, never through another phase, and only {@link Bench} runs them.
 */
class LayersTest {

    private static final Class<?>[] PHASES = {
        WarmUp.class,
        GatewayOverhead.class,
        EventSourcingCost.class,
        ProjectionLag.class,
        DeliveryLatency.class,
        IdlePage.class,
        Takeover.class,
        Replay.class,
        PublicSurge.class,
        ObservableScale.class,
        Scale.class,
        Memory.class
    };

    private static final ArchRule SHARED_KNOW_NO_PHASE = noClasses()
            .that()
            .belongToAnyOf(BenchPlatform.class, EventStoreQueries.class, Results.class)
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(PHASES)
            .because("what the phases share knows none of them");

    @Test
    void phasesKeepTheirPlaces() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.ars.coord.bench");
        assertThat(classes.size()).isGreaterThan(15);
        SHARED_KNOW_NO_PHASE.check(classes);
        for (Class<?> phase : PHASES) {
            // a phase may use its own nested classes, but no other phase
            noClasses()
                    .that()
                    .belongToAnyOf(phase)
                    .should()
                    .dependOnClassesThat()
                    .belongToAnyOf(java.util.Arrays.stream(PHASES)
                            .filter(p -> p != phase)
                            .toArray(Class<?>[]::new))
                    .check(classes);
        }
    }

    /** The rule is not empty words: a phase that runs another is caught. */
    @Test
    void aPhaseThatRunsAnotherIsCaught() {
        JavaClasses wrong = new ClassFileImporter().importClasses(PhaseRunningAnother.class, WarmUp.class);
        assertThatThrownBy(() -> noClasses()
                        .that()
                        .belongToAnyOf(PhaseRunningAnother.class)
                        .should()
                        .dependOnClassesThat()
                        .belongToAnyOf(PHASES)
                        .check(wrong))
                .isInstanceOf(AssertionError.class);
    }

    /** A deliberately wrong phase: it runs the warm-up itself. */
    static final class PhaseRunningAnother {
        void run(BenchPlatform platform, Results results) throws Exception {
            new WarmUp(platform, results).run();
        }
    }

    @Test
    void everyPackageSaysWhatItHolds() throws IOException {
        Path root = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(f -> f.toString().endsWith(".java"))
                            .map(Path::getParent)
                            .distinct()
                            .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
                            .toList())
                    .isEmpty();
        }
    }
}
