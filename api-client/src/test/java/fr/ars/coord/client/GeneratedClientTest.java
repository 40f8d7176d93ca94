package fr.ars.coord.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import fr.ars.coord.client.incident.model.ClockStatus;
import fr.ars.coord.client.incident.model.IncidentView;
import fr.ars.coord.client.incident.model.TlpLabel;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client generated from the committed API documents, as its users take it: the console reads answers into the
 * models alone (never the generated HTTP invoker), so the models must stand on their own and read the API's JSON.
 */
class GeneratedClientTest {

    @Test
    void theModelsStandWithoutTheGeneratedHttpClient() {
        JavaClasses classes = new ClassFileImporter().importPackages("fr.ars.coord.client");
        assertThat(classes.size()).isGreaterThan(100);
        noClasses()
                .that()
                .resideInAPackage("fr.ars.coord.client.*.model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("fr.ars.coord.client.*.api..", "java.net.http..")
                .because("the console uses the models with its own HTTP client (they use only the invoker's"
                        + " static helpers for query strings)")
                .check(classes);
    }

    @Test
    void anIncidentViewReadsBackWithItsEnumsInstantsAndNestedClocks() {
        IncidentView view = JsonMapper.shared().readValue("""
                {"id": "i-1", "region": "FR-HDF", "title": "Usurpation", "status": "ASSESSING",
                 "awareAt": "2025-11-21T17:30:00Z", "classification": {"tlp": "TLP:AMBER+STRICT"},
                 "regulatoryClocks": [{"code": "CNIL_NOTIFICATION", "status": "DUE_SOON",
                                       "dueAt": "2025-11-24T17:30:00Z", "applicable": true}]}""", IncidentView.class);
        assertThat(view.getRegion()).hasToString("FR-HDF");
        assertThat(view.getAwareAt().toInstant()).isEqualTo(Instant.parse("2025-11-21T17:30:00Z"));
        assertThat(view.getClassification().getTlp()).isEqualTo(TlpLabel.TLP_AMBER_STRICT);
        assertThat(view.getRegulatoryClocks())
                .singleElement()
                .satisfies(clock -> assertThat(clock.getStatus()).isEqualTo(ClockStatus.DUE_SOON));
    }
}
