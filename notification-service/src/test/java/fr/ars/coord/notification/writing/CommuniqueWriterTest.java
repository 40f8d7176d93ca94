package fr.ars.coord.notification.writing;

import fr.ars.coord.contracts.region.Region;
import static fr.ars.coord.notification.writing.FactsMother.IDENTITY;
import static fr.ars.coord.notification.writing.FactsMother.incident;
import static fr.ars.coord.notification.writing.FactsMother.referenceCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ars.coord.contracts.communique.Statement;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.OperationalImpact;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommuniqueWriterTest {

    private static Statement statement(Draft draft, String kind) {
        return draft.statements().stream().filter(s -> s.kind().equals(kind)).findFirst().orElse(null);
    }

    @Test
    void referenceCaseSaysIdentityDataWasExposedAndMedicalDataWasNot() {
        Draft draft = CommuniqueWriter.regional(Region.of("FR-HDF"), List.of(referenceCase("a", "FR-HDF", 12000)));

        assertThat(draft.title()).contains("Hauts-de-France");
        assertThat(statement(draft, "WHAT_HAPPENED").text())
                .contains("21 novembre 2025").contains("l'ARS Hauts-de-France")
                .contains("compte d'un professionnel de santé");
        assertThat(statement(draft, "DATA_EXPOSED").text())
                .contains("nom, prénom, âge, numéro de téléphone et adresse électronique")
                .contains("12 000 patients");
        assertThat(statement(draft, Statement.MEDICAL_DATA_SPARED).text())
                .contains("Aucune donnée médicale").contains("motifs de consultation").contains("pathologies");
        assertThat(statement(draft, "CONTAINMENT").text())
                .contains("blocage des comptes compromis").contains("renforcement immédiat des mesures de sécurité")
                .contains("analyse approfondie");
        assertThat(statement(draft, "OPERATIONS").text()).contains("aucune conséquence");
        assertThat(statement(draft, "PHISHING_RISK").text()).contains("hameçonnage").contains("coordonnées bancaires");
        assertThat(statement(draft, "ADVICE").text()).contains("ne demande jamais")
                .contains("courriel, par téléphone ou par SMS");
        assertThat(statement(draft, "PATIENTS_INFORMED").text()).contains("seront informés");
        assertThat(statement(draft, "REPORTING").text()).contains("Service-Public.fr");
        assertThat(statement(draft, "MEDICAL_DATA_EXPOSED")).isNull();
        assertThat(statement(draft, "SOCIAL_SECURITY_NUMBER")).isNull();
        assertThat(statement(draft, "REGIONS")).isNull();
        assertThat(draft.medicalDataExposed()).isFalse();
    }

    @Test
    void everyFactualStatementNamesTheEventsItRestsOn() {
        Draft draft = CommuniqueWriter.regional(Region.of("FR-HDF"), List.of(referenceCase("a", "FR-HDF", 12000)));
        assertThat(statement(draft, "WHAT_HAPPENED").eventIds()).containsExactly("ev-report-a");
        assertThat(statement(draft, "DATA_EXPOSED").eventIds()).containsExactly("ev-assess-a");
        assertThat(statement(draft, Statement.MEDICAL_DATA_SPARED).eventIds()).containsExactly("ev-assess-a");
        assertThat(statement(draft, "CONTAINMENT").eventIds()).containsExactlyInAnyOrder("ev-block-a", "ev-secure-a");
    }

    @Test
    void medicalExposureIsStatedAndNeverDenied() {
        Draft draft = CommuniqueWriter.regional(Region.of("FR-GES"), List.of(
                referenceCase("a", "FR-GES", 10),
                incident("b", "FR-GES", Set.of(ExposedDataItem.MEDICAL_RECORD), true, 5, OperationalImpact.NONE)));
        assertThat(statement(draft, Statement.MEDICAL_DATA_SPARED)).isNull();
        assertThat(statement(draft, "MEDICAL_DATA_EXPOSED").text()).contains("dossiers médicaux");
        assertThat(draft.body()).doesNotContain("Aucune donnée médicale");
        assertThat(draft.medicalDataExposed()).isTrue();
    }

    @Test
    void nationalTextNamesEveryRegionAndAddsUpPatients() {
        Draft draft = CommuniqueWriter.national(List.of(referenceCase("a", "FR-HDF", 12000),
                referenceCase("b", "FR-NOR", 7500)));
        assertThat(draft.title()).contains("plusieurs régions");
        assertThat(statement(draft, "REGIONS").text()).contains("Hauts-de-France").contains("Normandie");
        assertThat(statement(draft, "DATA_EXPOSED").text()).contains("19 500 patients");
        assertThat(statement(draft, "WHAT_HAPPENED").text()).contains("agences régionales de santé concernées ont");
        assertThat(statement(draft, "DATA_EXPOSED").eventIds()).containsExactly("ev-assess-a", "ev-assess-b");
    }

    @Test
    void socialSecurityNumbersAndDegradedOperationsAreSpelledOut() {
        Set<ExposedDataItem> data = new HashSet<>(IDENTITY);
        data.add(ExposedDataItem.SOCIAL_SECURITY_NUMBER);
        Draft draft = CommuniqueWriter.regional(Region.of("FR-NOR"),
                List.of(incident("c", "FR-NOR", data, false, 300, OperationalImpact.DEGRADED)));
        assertThat(statement(draft, "DATA_EXPOSED").text()).contains("numéro de sécurité sociale");
        assertThat(statement(draft, "SOCIAL_SECURITY_NUMBER").text()).contains("vigilance");
        assertThat(statement(draft, "OPERATIONS").text()).contains("perturbé").contains("continuité des soins");
    }

    @Test
    void sameFactsGiveTheSameDigestAndChangedFactsAnother() {
        Draft first = CommuniqueWriter.regional(Region.of("FR-HDF"), List.of(referenceCase("a", "FR-HDF", 12000)));
        Draft again = CommuniqueWriter.regional(Region.of("FR-HDF"), List.of(referenceCase("a", "FR-HDF", 12000)));
        Draft changed = CommuniqueWriter.regional(Region.of("FR-HDF"), List.of(referenceCase("a", "FR-HDF", 13000)));
        assertThat(again.digest()).isEqualTo(first.digest());
        assertThat(changed.digest()).isNotEqualTo(first.digest());
    }

    @Test
    void withoutExposedDataThereIsNothingToSay() {
        assertThatThrownBy(() -> CommuniqueWriter.regional(Region.of("FR-HDF"),
                List.of(incident("z", "FR-HDF", Set.of(), false, 0, OperationalImpact.NONE))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
