package fr.ars.coord.notification.writing;

import static fr.ars.coord.contracts.incident.PatientInformationChannel.INDIVIDUAL;
import static fr.ars.coord.contracts.incident.PatientInformationChannel.PUBLIC_COMMUNICATION;
import static fr.ars.coord.contracts.incident.PatientInformationDecision.NOT_REQUIRED;
import static fr.ars.coord.contracts.incident.PatientInformationDecision.REQUIRED;
import static fr.ars.coord.notification.writing.FactsMother.IDENTITY;
import static fr.ars.coord.notification.writing.FactsMother.incident;
import static fr.ars.coord.notification.writing.FactsMother.referenceCase;
import static fr.ars.coord.notification.writing.FactsMother.withPatientInformation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ars.coord.contracts.communique.Statement;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.contracts.incident.PatientInformationChannel;
import fr.ars.coord.contracts.incident.PatientInformationDecision;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.notification.facts.IncidentFacts;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommuniqueWriterTest {

    private static final Map<Region, String> NONE = Map.of();
    private static final Map<Region, String> CONTACTS = Map.of(Region.of("FR-HDF"), "dpo@ars-hdf.example");
    private static final Instant MONDAY = Instant.parse("2025-11-24T09:00:00Z");

    private static Statement statement(Draft draft, String kind) {
        return draft.statements().stream()
                .filter(s -> s.kind().equals(kind))
                .findFirst()
                .orElse(null);
    }

    @Test
    void referenceCaseSaysIdentityDataWasExposedAndMedicalDataWasNot() {
        Draft draft =
                CommuniqueWriter.regional(Region.of("FR-HDF"), List.of(referenceCase("a", "FR-HDF", 12000)), NONE);

        assertThat(draft.title()).contains("Hauts-de-France");
        assertThat(statement(draft, "WHAT_HAPPENED").text())
                .contains("21 novembre 2025")
                .contains("l'ARS Hauts-de-France")
                .contains("compte d'un professionnel de santé");
        assertThat(statement(draft, "DATA_EXPOSED").text())
                .contains("nom, prénom, âge, numéro de téléphone et adresse électronique")
                .contains("12 000 patients");
        assertThat(statement(draft, Statement.MEDICAL_DATA_SPARED).text())
                .contains("Aucune donnée médicale")
                .contains("motifs de consultation")
                .contains("pathologies");
        assertThat(statement(draft, "CONTAINMENT").text())
                .contains("blocage des comptes compromis")
                .contains("renforcement immédiat des mesures de sécurité")
                .contains("analyse approfondie");
        assertThat(statement(draft, "OPERATIONS").text()).contains("aucune conséquence");
        assertThat(statement(draft, "PHISHING_RISK").text())
                .contains("hameçonnage")
                .contains("coordonnées bancaires");
        assertThat(statement(draft, "ADVICE").text())
                .contains("ne demande jamais")
                .contains("courriel, par téléphone ou par SMS");
        // nothing recorded on telling the patients: nothing said about it, no contact point needed
        assertThat(statement(draft, "PATIENTS_INFORMED")).isNull();
        assertThat(statement(draft, "CONTACT")).isNull();
        assertThat(statement(draft, "REPORTING").text()).contains("Service-Public.fr");
        assertThat(statement(draft, "MEDICAL_DATA_EXPOSED")).isNull();
        assertThat(statement(draft, "SOCIAL_SECURITY_NUMBER")).isNull();
        assertThat(statement(draft, "REGIONS")).isNull();
        assertThat(draft.medicalDataExposed()).isFalse();
    }

    @Test
    void everyFactualStatementNamesTheEventsItRestsOn() {
        Draft draft =
                CommuniqueWriter.regional(Region.of("FR-HDF"), List.of(referenceCase("a", "FR-HDF", 12000)), NONE);
        assertThat(statement(draft, "WHAT_HAPPENED").eventIds()).containsExactly("ev-report-a");
        assertThat(statement(draft, "DATA_EXPOSED").eventIds()).containsExactly("ev-assess-a");
        assertThat(statement(draft, Statement.MEDICAL_DATA_SPARED).eventIds()).containsExactly("ev-assess-a");
        assertThat(statement(draft, "CONTAINMENT").eventIds()).containsExactlyInAnyOrder("ev-block-a", "ev-secure-a");
    }

    @Test
    void medicalExposureIsStatedAndNeverDenied() {
        Draft draft = CommuniqueWriter.regional(
                Region.of("FR-GES"),
                List.of(
                        referenceCase("a", "FR-GES", 10),
                        incident(
                                "b",
                                "FR-GES",
                                Set.of(ExposedDataItem.MEDICAL_RECORD),
                                true,
                                5,
                                OperationalImpact.NONE)),
                NONE);
        assertThat(statement(draft, Statement.MEDICAL_DATA_SPARED)).isNull();
        assertThat(statement(draft, "MEDICAL_DATA_EXPOSED").text()).contains("dossiers médicaux");
        assertThat(draft.body()).doesNotContain("Aucune donnée médicale");
        assertThat(draft.medicalDataExposed()).isTrue();
    }

    @Test
    void nationalTextNamesEveryRegionAndAddsUpPatients() {
        Draft draft = CommuniqueWriter.national(
                List.of(referenceCase("a", "FR-HDF", 12000), referenceCase("b", "FR-NOR", 7500)), NONE);
        assertThat(draft.title()).contains("plusieurs régions");
        assertThat(statement(draft, "REGIONS").text())
                .contains("Hauts-de-France")
                .contains("Normandie");
        assertThat(statement(draft, "DATA_EXPOSED").text()).contains("19 500 patients");
        assertThat(statement(draft, "WHAT_HAPPENED").text()).contains("agences régionales de santé concernées ont");
        assertThat(statement(draft, "DATA_EXPOSED").eventIds()).containsExactly("ev-assess-a", "ev-assess-b");
    }

    @Test
    void socialSecurityNumbersAndDegradedOperationsAreSpelledOut() {
        Set<ExposedDataItem> data = new HashSet<>(IDENTITY);
        data.add(ExposedDataItem.SOCIAL_SECURITY_NUMBER);
        Draft draft = CommuniqueWriter.regional(
                Region.of("FR-NOR"),
                List.of(incident("c", "FR-NOR", data, false, 300, OperationalImpact.DEGRADED)),
                NONE);
        assertThat(statement(draft, "DATA_EXPOSED").text()).contains("numéro de sécurité sociale");
        assertThat(statement(draft, "SOCIAL_SECURITY_NUMBER").text()).contains("vigilance");
        assertThat(statement(draft, "OPERATIONS").text()).contains("perturbé").contains("continuité des soins");
    }

    @Test
    void sameFactsGiveTheSameDigestAndChangedFactsAnother() {
        Draft first =
                CommuniqueWriter.regional(Region.of("FR-HDF"), List.of(referenceCase("a", "FR-HDF", 12000)), NONE);
        Draft again =
                CommuniqueWriter.regional(Region.of("FR-HDF"), List.of(referenceCase("a", "FR-HDF", 12000)), NONE);
        Draft changed =
                CommuniqueWriter.regional(Region.of("FR-HDF"), List.of(referenceCase("a", "FR-HDF", 13000)), NONE);
        assertThat(again.digest()).isEqualTo(first.digest());
        assertThat(changed.digest()).isNotEqualTo(first.digest());
    }

    @Test
    void withoutExposedDataThereIsNothingToSay() {
        assertThatThrownBy(() -> CommuniqueWriter.regional(
                        Region.of("FR-HDF"),
                        List.of(incident("z", "FR-HDF", Set.of(), false, 0, OperationalImpact.NONE)),
                        NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static IncidentFacts decided(
            String id,
            String region,
            PatientInformationDecision decision,
            PatientInformationChannel channel,
            Instant informedAt) {
        return withPatientInformation(referenceCase(id, region, 1000), decision, channel, informedAt);
    }

    private static Draft regional(Map<Region, String> contacts, IncidentFacts... incidents) {
        return CommuniqueWriter.regional(incidents[0].region(), List.of(incidents), contacts);
    }

    @Test
    void patientsInformedIndividuallyIsStatedWithTheDayAndTheDecisionBehindIt() {
        Draft draft = regional(CONTACTS, decided("a", "FR-HDF", REQUIRED, INDIVIDUAL, MONDAY));
        Statement informed = statement(draft, "PATIENTS_INFORMED");
        assertThat(informed.text())
                .isEqualTo("Les patients concernés ont été informés individuellement le 24 novembre 2025.");
        assertThat(informed.eventIds()).containsExactly("ev-patients-a");
        // told each one: the communiqué is not their information, no contact point is due
        assertThat(statement(draft, "CONTACT")).isNull();
        assertThat(draft.body()).doesNotContain("prochains jours");
    }

    @Test
    void patientsToBeInformedAreSaidToBeWithoutAnyPromiseOfWhen() {
        Draft individually = regional(NONE, decided("a", "FR-HDF", REQUIRED, INDIVIDUAL, null));
        assertThat(statement(individually, "PATIENTS_INFORMED").text())
                .isEqualTo("Les patients concernés seront informés individuellement.");
        assertThat(statement(individually, "PATIENTS_INFORMED").eventIds()).containsExactly("ev-patients-a");
        assertThat(statement(individually, "CONTACT")).isNull();

        Draft howNotChosen = regional(NONE, decided("a", "FR-HDF", REQUIRED, null, null));
        assertThat(statement(howNotChosen, "PATIENTS_INFORMED").text())
                .isEqualTo("Les patients concernés seront informés.");
        assertThat(individually.body()).doesNotContain("prochains jours");
    }

    @Test
    void patientsNotToBeToldOrNoDecisionYetGiveNoStatementAboutTellingThem() {
        IncidentFacts exempted = decided("a", "FR-HDF", NOT_REQUIRED, null, null);
        for (Draft draft :
                List.of(regional(CONTACTS, exempted), regional(CONTACTS, referenceCase("a", "FR-HDF", 10)))) {
            assertThat(statement(draft, "PATIENTS_INFORMED")).isNull();
            assertThat(statement(draft, "CONTACT")).isNull();
            assertThat(draft.body()).doesNotContain("informés").doesNotContain("dpo@");
        }
    }

    @Test
    void aPublicCommunicationGivesTheRegionsConfiguredContactPoint() {
        Draft draft = regional(CONTACTS, decided("a", "FR-HDF", REQUIRED, PUBLIC_COMMUNICATION, null));
        assertThat(statement(draft, "PATIENTS_INFORMED").text())
                .isEqualTo("Les patients concernés seront informés par voie de communication publique.");
        Statement contact = statement(draft, "CONTACT");
        assertThat(contact.text())
                .isEqualTo("Pour toute question à ce sujet, les personnes concernées peuvent "
                        + "s'adresser au point de contact de l'ARS Hauts-de-France pour la protection des données : "
                        + "dpo@ars-hdf.example.");
        assertThat(contact.eventIds()).containsExactly("ev-patients-a");

        Draft done = regional(CONTACTS, decided("a", "FR-HDF", REQUIRED, PUBLIC_COMMUNICATION, MONDAY));
        assertThat(statement(done, "PATIENTS_INFORMED").text())
                .isEqualTo(
                        "Les patients concernés ont été informés par voie de communication publique le 24 novembre 2025.");
        assertThat(statement(done, "CONTACT").text()).contains("dpo@ars-hdf.example");
    }

    @Test
    void withoutAConfiguredContactTheAgencyIsNamedWithItsUsualChannelsAndNoAddressIsMadeUp() {
        Draft draft = regional(CONTACTS, decided("b", "FR-NOR", REQUIRED, PUBLIC_COMMUNICATION, null));
        Statement contact = statement(draft, "CONTACT");
        assertThat(contact.text())
                .isEqualTo("Pour toute question à ce sujet, les personnes concernées peuvent "
                        + "s'adresser à l'ARS Normandie par ses canaux de contact habituels.");
        assertThat(contact.eventIds()).containsExactly("ev-patients-b");
        assertThat(contact.text()).doesNotContain("@").doesNotContainPattern("\\d");
    }

    @Test
    void aDecisionToTellThePatientsWithoutChoosingHowAlsoCallsForTheContactPoint() {
        Draft draft = regional(CONTACTS, decided("a", "FR-HDF", REQUIRED, null, null));
        assertThat(statement(draft, "CONTACT").text())
                .endsWith("pour la protection des données : dpo@ars-hdf.example.");
        assertThat(statement(draft, "CONTACT").eventIds()).containsExactly("ev-patients-a");
    }

    @Test
    void severalIncidentsOfARegionGetWhatHoldsForAllOfThem() {
        Draft allTold = regional(
                NONE,
                decided("a", "FR-HDF", REQUIRED, INDIVIDUAL, MONDAY),
                decided("b", "FR-HDF", REQUIRED, INDIVIDUAL, MONDAY.plusSeconds(3600)));
        assertThat(statement(allTold, "PATIENTS_INFORMED").text())
                .isEqualTo("Les patients concernés ont été informés individuellement le 24 novembre 2025.");
        assertThat(statement(allTold, "PATIENTS_INFORMED").eventIds())
                .containsExactly("ev-patients-a", "ev-patients-b");

        Draft someTold = regional(
                NONE,
                decided("a", "FR-HDF", REQUIRED, INDIVIDUAL, MONDAY),
                decided("b", "FR-HDF", REQUIRED, PUBLIC_COMMUNICATION, null));
        assertThat(statement(someTold, "PATIENTS_INFORMED").text())
                .isEqualTo("Les patients concernés ont été ou seront informés.");
        assertThat(statement(someTold, "CONTACT").text()).contains("l'ARS Hauts-de-France par ses canaux");
        assertThat(statement(someTold, "CONTACT").eventIds()).containsExactly("ev-patients-b");

        Draft toldOnTwoDays = regional(
                NONE,
                decided("a", "FR-HDF", REQUIRED, INDIVIDUAL, MONDAY),
                decided("b", "FR-HDF", REQUIRED, INDIVIDUAL, MONDAY.plusSeconds(2 * 86400)));
        assertThat(statement(toldOnTwoDays, "PATIENTS_INFORMED").text())
                .isEqualTo("Les patients concernés ont été informés individuellement.");

        // one incident without a decision: nothing holds for all the region's patients, nothing is said
        Draft oneUndecided =
                regional(NONE, decided("a", "FR-HDF", REQUIRED, INDIVIDUAL, MONDAY), referenceCase("b", "FR-HDF", 10));
        assertThat(statement(oneUndecided, "PATIENTS_INFORMED")).isNull();
    }

    @Test
    void aNationalTextSaysItPerRegionWhenTheRegionsDiffer() {
        Draft draft = CommuniqueWriter.national(
                List.of(
                        decided("a", "FR-HDF", REQUIRED, INDIVIDUAL, MONDAY),
                        decided("b", "FR-NOR", REQUIRED, PUBLIC_COMMUNICATION, null),
                        decided("c", "FR-BRE", NOT_REQUIRED, null, null)),
                CONTACTS);
        Statement informed = statement(draft, "PATIENTS_INFORMED");
        assertThat(informed.text())
                .isEqualTo("Hauts-de-France : les patients concernés ont été informés "
                        + "individuellement le 24 novembre 2025. Normandie : les patients concernés seront informés par voie "
                        + "de communication publique.");
        assertThat(informed.eventIds()).containsExactly("ev-patients-a", "ev-patients-b");
        Statement contact = statement(draft, "CONTACT");
        // only Normandie's patients have the communiqué as their information, and Normandie has no contact configured
        assertThat(contact.text())
                .isEqualTo("Pour toute question à ce sujet, les personnes concernées peuvent "
                        + "s'adresser à l'ARS Normandie par ses canaux de contact habituels.");
        assertThat(contact.eventIds()).containsExactly("ev-patients-b");
    }

    @Test
    void aNationalTextSaysOnceWhatHoldsForEveryRegion() {
        Draft draft = CommuniqueWriter.national(
                List.of(
                        decided("a", "FR-HDF", REQUIRED, PUBLIC_COMMUNICATION, null),
                        decided("b", "FR-NOR", REQUIRED, PUBLIC_COMMUNICATION, null)),
                CONTACTS);
        assertThat(statement(draft, "PATIENTS_INFORMED").text())
                .isEqualTo("Les patients concernés seront informés par voie de communication publique.");
        assertThat(statement(draft, "PATIENTS_INFORMED").eventIds()).containsExactly("ev-patients-a", "ev-patients-b");
        Statement contact = statement(draft, "CONTACT");
        assertThat(contact.text())
                .isEqualTo(
                        "Pour toute question à ce sujet, les personnes concernées peuvent "
                                + "s'adresser à l'ARS de leur région : Hauts-de-France, auprès de son point de contact pour la "
                                + "protection des données (dpo@ars-hdf.example) ; Normandie, par ses canaux de contact habituels.");
        assertThat(contact.eventIds()).containsExactly("ev-patients-a", "ev-patients-b");

        Draft noneDecided = CommuniqueWriter.national(
                List.of(referenceCase("a", "FR-HDF", 1), referenceCase("b", "FR-NOR", 1)), CONTACTS);
        assertThat(statement(noneDecided, "PATIENTS_INFORMED")).isNull();
        assertThat(statement(noneDecided, "CONTACT")).isNull();
    }

    @Test
    void theDecisionAndTheContactPointAreInTheDigest() {
        IncidentFacts undecided = referenceCase("a", "FR-HDF", 1000);
        IncidentFacts publicly = withPatientInformation(undecided, REQUIRED, PUBLIC_COMMUNICATION, null);
        String before = regional(CONTACTS, undecided).digest();
        String decided = regional(CONTACTS, publicly).digest();
        assertThat(decided).isNotEqualTo(before);
        assertThat(regional(NONE, publicly).digest()).isNotEqualTo(decided);
        // the contact of a region the text does not call for changes nothing
        assertThat(regional(Map.of(Region.of("FR-NOR"), "dpo@ars-nor.example"), undecided)
                        .digest())
                .isEqualTo(before);
    }

    @Test
    void statementsComeInTheirOrder() {
        Draft draft = regional(CONTACTS, decided("a", "FR-HDF", REQUIRED, PUBLIC_COMMUNICATION, null));
        assertThat(draft.statements())
                .extracting(Statement::kind)
                .containsExactly(
                        "WHAT_HAPPENED",
                        "DATA_EXPOSED",
                        Statement.MEDICAL_DATA_SPARED,
                        "CONTAINMENT",
                        "OPERATIONS",
                        "PHISHING_RISK",
                        "ADVICE",
                        "PATIENTS_INFORMED",
                        "CONTACT",
                        "REPORTING");
    }
}
