package fr.ars.coord.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import fr.ars.coord.platform.testing.LayerRules;
import org.junit.jupiter.api.Test;

/** The service keeps the platform's layers (see {@link LayerRules}; its own test shows each rule failing). */
class LayersTest {

    @Test
    void domainWebAndFeaturesKeepTheirPlaces() {
        JavaClasses classes = LayerRules.mainClasses("fr.ars.coord.notification");
        assertThat(classes.size()).isGreaterThan(20);
        for (ArchRule rule : LayerRules.of("fr.ars.coord.notification")) {
            rule.check(classes);
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
