package fr.ars.coord.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The layers every module keeps, as ArchUnit rules over its main classes (under {@code base}):
 * <ul>
 *   <li>the domain (aggregates, wherever they are, and the rules and exceptions in {@code command}) depends on no
 *       web or persistence type;</li>
 *   <li>{@code web} depends on the rest, never the rest on {@code web};</li>
 *   <li>{@code command} does not read {@code query};</li>
 *   <li>no cycle between the module's packages.</li>
 * </ul>
 */
public final class LayerRules {

    /** What the domain must not know: HTTP, servlets, Spring MVC and the stores' own APIs. */
    static final String[] WEB_AND_PERSISTENCE = {"org.springframework.web..", "org.springframework.http..",
            "jakarta.servlet..", "org.springframework.data..", "org.springframework.jdbc..", "com.mongodb..",
            "org.bson..", "fr.ars.coord.platform.web.."};

    /** What the platform's non-web packages must not know. */
    static final String[] WEB_SIDE = {"org.springframework.web..", "org.springframework.http..",
            "jakarta.servlet..", "fr.ars.coord.platform.web..", "fr.ars.coord.platform.security.."};

    private LayerRules() {
    }

    /** The main classes of the module under {@code base}. */
    public static JavaClasses mainClasses(String base) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(base);
    }

    public static List<ArchRule> of(String base) {
        return List.of(domainKnowsNoWebNorPersistence(base), aggregatesKnowNoWebNorPersistence(base),
                nothingDependsOnWeb(base), commandDoesNotReadQuery(base), noPackageCycles(base));
    }

    /**
     * The platform's own layers: its web package (problem answers, filters) and security are the web side; the
     * event store, command sending, processing and read-model wiring never depend on them, and its packages form
     * no cycle.
     */
    public static List<ArchRule> forPlatform() {
        String base = "fr.ars.coord.platform";
        return List.of(noClasses().that().resideInAnyPackage(base + ".command..", base + ".eventstore..",
                                base + ".processing..", base + ".readmodel..", base + ".text..")
                        .should().dependOnClassesThat().resideInAnyPackage(WEB_SIDE)
                        .because("only the web side speaks HTTP"),
                noPackageCycles(base));
    }

    public static ArchRule domainKnowsNoWebNorPersistence(String base) {
        return noClasses().that().resideInAPackage(base + ".command..")
                .should().dependOnClassesThat().resideInAnyPackage(WEB_AND_PERSISTENCE)
                .because("aggregates and their rules are the domain: no web or persistence type")
                .allowEmptyShould(true);
    }

    /** Wherever an aggregate lives (region-service keeps its campaign beside the campaign's reads). */
    public static ArchRule aggregatesKnowNoWebNorPersistence(String base) {
        return noClasses().that().resideInAPackage(base + "..").and().areAnnotatedWith(Aggregate.class)
                .should().dependOnClassesThat().resideInAnyPackage(WEB_AND_PERSISTENCE)
                .because("aggregates are the domain: no web or persistence type")
                .allowEmptyShould(true);
    }

    public static ArchRule nothingDependsOnWeb(String base) {
        return noClasses().that().resideInAPackage(base + "..").and().resideOutsideOfPackage(base + ".web..")
                .should().dependOnClassesThat().resideInAPackage(base + ".web..")
                .because("web calls command and query, never the reverse")
                .allowEmptyShould(true);
    }

    public static ArchRule commandDoesNotReadQuery(String base) {
        return noClasses().that().resideInAPackage(base + ".command..")
                .should().dependOnClassesThat().resideInAPackage(base + ".query..")
                .because("the command side decides from its own events, not from read models")
                .allowEmptyShould(true);
    }

    /**
     * The packages under {@code sourceRoot} (a module's {@code src/main/java}) that hold classes but no
     * {@code package-info.java} saying what they hold.
     */
    public static List<String> packagesWithoutDescription(java.nio.file.Path sourceRoot) {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(sourceRoot)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .map(java.nio.file.Path::getParent).distinct()
                    .filter(dir -> !java.nio.file.Files.exists(dir.resolve("package-info.java")))
                    .map(dir -> sourceRoot.relativize(dir).toString().replace(java.io.File.separatorChar, '.'))
                    .sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static ArchRule noPackageCycles(String base) {
        return slices().matching(base + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true);
    }
}
