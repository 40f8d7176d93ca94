package fr.ars.coord.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The layers every module keeps, as ArchUnit rules over its main classes (under {@code base}):
 * <ul>
 *   <li>the domain (aggregates wherever they are, the commands and rules beside them, and the packages a module
 *       names as wholly domain) depends on no web or persistence type;</li>
 *   <li>the domain reads no read model (no view, store or projection): aggregates decide from their own events;</li>
 *   <li>{@code web} depends on the rest, never the rest on {@code web};</li>
 *   <li>no cycle between the module's packages (each feature is a package: its aggregate, its reads, its
 *       handlers; {@code web} and {@code config} beside them).</li>
 * </ul>
 */
public final class LayerRules {

    /** What the domain must not know: HTTP, servlets, Spring MVC and the stores' own APIs. */
    static final String[] WEB_AND_PERSISTENCE = {
        "org.springframework.web..",
        "org.springframework.http..",
        "jakarta.servlet..",
        "org.springframework.data..",
        "org.springframework.jdbc..",
        "com.mongodb..",
        "org.bson..",
        "fr.ars.coord.platform.web.."
    };

    /** What the platform's non-web packages must not know. */
    static final String[] WEB_SIDE = {
        "org.springframework.web..",
        "org.springframework.http..",
        "jakarta.servlet..",
        "fr.ars.coord.platform.web..",
        "fr.ars.coord.platform.security.."
    };

    private LayerRules() {}

    /** The main classes of the module under {@code base}. */
    public static JavaClasses mainClasses(String base) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(base);
    }

    /**
     * The rules of a service under {@code base}; {@code domainPackages} are its packages that hold only domain code
     * (an aggregate, its commands and rules), named relative to {@code base}.
     */
    public static List<ArchRule> of(String base, String... domainPackages) {
        return List.of(
                domainKnowsNoWebNorPersistence(base, domainPackages),
                aggregatesKnowNoWebNorPersistence(base),
                nothingDependsOnWeb(base),
                domainReadsNoReadModel(base, domainPackages),
                noPackageCycles(base));
    }

    /**
     * The platform's own layers: its web package (problem answers, filters) and security are the web side; the
     * event store, command sending, processing and read-model wiring never depend on them, and its packages form
     * no cycle.
     */
    public static List<ArchRule> forPlatform() {
        String base = "fr.ars.coord.platform";
        return List.of(
                noClasses()
                        .that()
                        .resideInAnyPackage(
                                base + ".command..",
                                base + ".eventstore..",
                                base + ".processing..",
                                base + ".readmodel..",
                                base + ".text..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(WEB_SIDE)
                        .because("only the web side speaks HTTP"),
                noPackageCycles(base));
    }

    public static ArchRule domainKnowsNoWebNorPersistence(String base, String... domainPackages) {
        return noClasses()
                .that(domain(base, domainPackages))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(WEB_AND_PERSISTENCE)
                .because("aggregates and their rules are the domain: no web or persistence type")
                .allowEmptyShould(true);
    }

    /** Wherever an aggregate lives (region-service keeps its campaign beside the campaign's reads). */
    public static ArchRule aggregatesKnowNoWebNorPersistence(String base) {
        return noClasses()
                .that()
                .resideInAPackage(base + "..")
                .and()
                .areAnnotatedWith(Aggregate.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(WEB_AND_PERSISTENCE)
                .because("aggregates are the domain: no web or persistence type")
                .allowEmptyShould(true);
    }

    public static ArchRule nothingDependsOnWeb(String base) {
        return noClasses()
                .that()
                .resideInAPackage(base + "..")
                .and()
                .resideOutsideOfPackage(base + ".web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(base + ".web..")
                .because("web calls command and query, never the reverse")
                .allowEmptyShould(true);
    }

    public static ArchRule domainReadsNoReadModel(String base, String... domainPackages) {
        return noClasses()
                .that(domain(base, domainPackages))
                .should()
                .dependOnClassesThat(READ_MODEL)
                .because("the domain decides from its own events, not from read models")
                .allowEmptyShould(true);
    }

    /**
     * The domain under {@code base}: aggregates, the commands, rules and rule violations named so, and every class
     * of the given packages.
     */
    static DescribedPredicate<JavaClass> domain(String base, String... domainPackages) {
        String[] packages = java.util.Arrays.stream(domainPackages)
                .map(p -> base + "." + p + "..")
                .toArray(String[]::new);
        return DescribedPredicate.describe(
                "the domain of " + base,
                (JavaClass c) -> c.getPackageName().startsWith(base)
                        && (c.isAnnotatedWith(Aggregate.class)
                                || DOMAIN_NAME.matcher(c.getSimpleName()).matches()
                                || packages.length > 0
                                        && JavaClass.Predicates.resideInAnyPackage(packages)
                                                .test(c)));
    }

    private static final java.util.regex.Pattern DOMAIN_NAME =
            java.util.regex.Pattern.compile(".*(Command|Commands|Rules|RuleViolation|Violation)");

    /** A read model: a view, a store, or a projection (an event handler in a processing group). */
    static final DescribedPredicate<JavaClass> READ_MODEL = DescribedPredicate.describe(
            "a read model",
            (JavaClass c) -> c.getSimpleName().endsWith("View")
                    || c.getSimpleName().endsWith("Store")
                    || c.getSimpleName().endsWith("Projection")
                    || c.isAnnotatedWith(ProcessingGroup.class));

    /**
     * The packages under {@code sourceRoot} (a module's {@code src/main/java}) that hold classes but no
     * {@code package-info.java} saying what they hold.
     */
    public static List<String> packagesWithoutDescription(java.nio.file.Path sourceRoot) {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(sourceRoot)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .map(java.nio.file.Path::getParent)
                    .distinct()
                    .filter(dir -> !java.nio.file.Files.exists(dir.resolve("package-info.java")))
                    .map(dir -> sourceRoot.relativize(dir).toString().replace(java.io.File.separatorChar, '.'))
                    .sorted()
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static ArchRule noPackageCycles(String base) {
        return slices().matching(base + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true);
    }
}
