package fr.ars.coord.region.impact;

import static fr.ars.coord.region.impact.IncidentStories.AWARE;
import static fr.ars.coord.region.impact.IncidentStories.IDENTITY;
import static fr.ars.coord.region.impact.IncidentStories.assessed;
import static fr.ars.coord.region.impact.IncidentStories.contained;
import static fr.ars.coord.region.impact.IncidentStories.moved;
import static fr.ars.coord.region.impact.IncidentStories.notified;
import static fr.ars.coord.region.impact.IncidentStories.reported;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.Authority;
import fr.ars.coord.contracts.incident.ContainmentAction;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentEvent;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.Nis2Significance;
import fr.ars.coord.contracts.incident.Nis2SignificanceAssessedEvent;
import fr.ars.coord.contracts.incident.NotificationKind;
import fr.ars.coord.contracts.incident.ObligationCode;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.contracts.incident.SignificanceCriterion;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.platform.obligation.IncidentObligations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImpactCalculatorTest {

    private final ImpactCalculator calculator = new ImpactCalculator(IncidentObligations.defaults());
    private final Instant later = AWARE.plus(Duration.ofDays(10));

    private static IncidentImpact impact(IncidentEvent... events) {
        IncidentImpact impact = IncidentImpact.first(
                events[0],
                new fr.ars.coord.contracts.incident.ObligationFacts.Recorded("e0", 0, AWARE.plusSeconds(60)));
        for (int i = 1; i < events.length; i++) {
            impact = impact.merge(
                    events[i],
                    new fr.ars.coord.contracts.incident.ObligationFacts.Recorded(
                            "e" + i, i, AWARE.plusSeconds(60L * (i + 1))));
        }
        return impact;
    }

    private static IncidentImpact notifiedInTime(String id, String region, long patients) {
        return impact(
                reported(id, region),
                assessed(id, region, patients),
                moved(id, region, IncidentStatus.REPORTED, IncidentStatus.ASSESSING),
                contained(id, region, ContainmentAction.ACCOUNTS_BLOCKED),
                notified(id, region, Authority.CERT_SANTE, AWARE.plusSeconds(3600)),
                notified(id, region, Authority.CNIL, AWARE.plusSeconds(7200)),
                notified(id, region, Authority.ANSSI, NotificationKind.EARLY_WARNING, AWARE.plusSeconds(3600)),
                notified(id, region, Authority.ANSSI, NotificationKind.NOTIFICATION, AWARE.plusSeconds(7200)));
    }

    @Test
    void referenceCaseAggregatesPerRegionAndNationally() {
        NationalImpact impact = calculator.compute(
                List.of(
                        notifiedInTime("a", "FR-HDF", 12000),
                        notifiedInTime("b", "FR-HDF", 3000),
                        notifiedInTime("c", "FR-NOR", 7500)),
                41,
                later,
                false);

        assertThat(impact.totals().regionsAffected()).isEqualTo(2);
        assertThat(impact.totals().incidents()).isEqualTo(3);
        assertThat(impact.totals().estimatedPatients()).isEqualTo(22500);
        assertThat(impact.totals().exposedData()).containsExactlyElementsOf(new java.util.TreeSet<>(IDENTITY));
        assertThat(impact.totals().medicalDataExposed()).isFalse();
        assertThat(impact.position()).isEqualTo(41);

        RegionImpact hdf = impact.regions().stream()
                .filter(r -> r.code().equals("FR-HDF"))
                .findFirst()
                .orElseThrow();
        assertThat(hdf.name()).isEqualTo("Hauts-de-France");
        assertThat(hdf.estimatedPatients()).isEqualTo(15000);
        assertThat(hdf.incidentsOpen()).isEqualTo(2);
        assertThat(hdf.statusCounts()).containsEntry(IncidentStatus.ASSESSING, 2);
        assertThat(hdf.containmentActions()).containsExactly(ContainmentAction.ACCOUNTS_BLOCKED);
        assertThat(hdf.overdueClocks()).isEmpty();
        assertThat(hdf.impactLevel()).isEqualTo(ImpactLevel.HIGH);
        RegionImpact nor = impact.regions().stream()
                .filter(r -> r.code().equals("FR-NOR"))
                .findFirst()
                .orElseThrow();
        assertThat(nor.impactLevel()).isEqualTo(ImpactLevel.MODERATE);
        assertThat(impact.regions().get(0).code()).as("worst region first").isEqualTo("FR-HDF");
    }

    @Test
    void overdueClocksOfOpenIncidentsAreListedAndRaiseTheLevel() {
        IncidentImpact silent = impact(reported("x", "FR-BRE"));
        NationalImpact impact = calculator.compute(List.of(silent), 0, later, false);
        RegionImpact bre = impact.regions().get(0);
        // nothing assessed yet: the CNIL's obligation does not apply; NIS2 is in force nowhere by default
        assertThat(bre.overdueClocks())
                .extracting(OverdueClock::code)
                .containsExactly(ObligationCode.CERT_SANTE_DECLARATION);
        assertThat(bre.impactLevel()).isEqualTo(ImpactLevel.HIGH);
        assertThat(impact.totals().overdueClocks()).isEqualTo(1);
        // where NIS2 is in force, the significance decision is owed within 24 hours, and the reporting clocks run
        // once the incident is significant
        ImpactCalculator nis2 = new ImpactCalculator(IncidentObligations.nis2Everywhere());
        assertThat(nis2.compute(List.of(silent), 0, later, false)
                        .regions()
                        .get(0)
                        .overdueClocks())
                .extracting(OverdueClock::code)
                .containsExactly(ObligationCode.CERT_SANTE_DECLARATION, ObligationCode.NIS2_SIGNIFICANCE);
        IncidentImpact significant = impact(
                reported("x", "FR-BRE"),
                new Nis2SignificanceAssessedEvent(
                        "x",
                        Region.of("FR-BRE"),
                        Nis2Significance.SIGNIFICANT,
                        List.of(SignificanceCriterion.FINANCIAL_LOSS),
                        null));
        assertThat(nis2.compute(List.of(significant), 0, later, false)
                        .regions()
                        .get(0)
                        .overdueClocks())
                .extracting(OverdueClock::code)
                .containsExactly(
                        ObligationCode.CERT_SANTE_DECLARATION,
                        ObligationCode.NIS2_EARLY_WARNING,
                        ObligationCode.NIS2_NOTIFICATION);

        NationalImpact early = calculator.compute(List.of(silent), 0, AWARE.plusSeconds(600), false);
        assertThat(early.regions().get(0).overdueClocks()).isEmpty();
        assertThat(early.regions().get(0).impactLevel()).isEqualTo(ImpactLevel.LOW);
    }

    @Test
    void aResolvedIncidentOwesItsClosureAndTheNis2FinalReportRunsFromTheNotification() {
        IncidentImpact resolved = impact(
                reported("r", "FR-PDL"),
                new Nis2SignificanceAssessedEvent(
                        "r",
                        Region.of("FR-PDL"),
                        Nis2Significance.SIGNIFICANT,
                        List.of(SignificanceCriterion.SEVERE_OPERATIONAL_DISRUPTION),
                        null),
                notified("r", "FR-PDL", Authority.CERT_SANTE, AWARE.plusSeconds(3600)),
                notified("r", "FR-PDL", Authority.ANSSI, NotificationKind.EARLY_WARNING, AWARE.plusSeconds(3600)),
                notified("r", "FR-PDL", Authority.ANSSI, NotificationKind.NOTIFICATION, AWARE.plusSeconds(7200)),
                moved("r", "FR-PDL", IncidentStatus.REPORTED, IncidentStatus.ASSESSING),
                moved("r", "FR-PDL", IncidentStatus.ASSESSING, IncidentStatus.CONTAINED),
                moved("r", "FR-PDL", IncidentStatus.CONTAINED, IncidentStatus.RESOLVED));
        ImpactCalculator nis2 = new ImpactCalculator(IncidentObligations.nis2Everywhere());
        RegionImpact pdl = nis2.compute(List.of(resolved), 0, AWARE.plus(Duration.ofDays(40)), false)
                .regions()
                .get(0);
        assertThat(pdl.overdueClocks())
                .extracting(OverdueClock::code)
                .containsExactly(ObligationCode.CERT_SANTE_CLOSURE, ObligationCode.NIS2_FINAL_REPORT);
        assertThat(nis2.unmetClocks(resolved))
                .extracting(OverdueClock::code)
                .containsExactlyInAnyOrder(ObligationCode.CERT_SANTE_CLOSURE, ObligationCode.NIS2_FINAL_REPORT);
    }

    @Test
    void closedIncidentsCountAsClosedAndStopTheirClocks() {
        IncidentImpact closed = impact(
                reported("y", "FR-OCC"),
                moved("y", "FR-OCC", IncidentStatus.REPORTED, IncidentStatus.ASSESSING),
                moved("y", "FR-OCC", IncidentStatus.ASSESSING, IncidentStatus.CONTAINED),
                moved("y", "FR-OCC", IncidentStatus.CONTAINED, IncidentStatus.RESOLVED),
                moved("y", "FR-OCC", IncidentStatus.RESOLVED, IncidentStatus.CLOSED));
        RegionImpact occ =
                calculator.compute(List.of(closed), 0, later, false).regions().get(0);
        assertThat(occ.incidentsOpen()).isZero();
        assertThat(occ.incidentsClosed()).isEqualTo(1);
        assertThat(occ.overdueClocks()).isEmpty();
    }

    @Test
    void levelsFollowTheDocumentedRules() {
        assertThat(ImpactCalculator.level(Set.of(), false, OperationalImpact.NONE, 0, false))
                .isEqualTo(ImpactLevel.LOW);
        assertThat(ImpactCalculator.level(Set.of(ExposedDataItem.EMAIL), false, OperationalImpact.NONE, 10, false))
                .isEqualTo(ImpactLevel.MODERATE);
        assertThat(ImpactCalculator.level(Set.of(), false, OperationalImpact.NONE, 1000, false))
                .isEqualTo(ImpactLevel.MODERATE);
        assertThat(ImpactCalculator.level(
                        Set.of(ExposedDataItem.SOCIAL_SECURITY_NUMBER), false, OperationalImpact.NONE, 10, false))
                .isEqualTo(ImpactLevel.HIGH);
        assertThat(ImpactCalculator.level(Set.of(), false, OperationalImpact.DEGRADED, 0, false))
                .isEqualTo(ImpactLevel.HIGH);
        assertThat(ImpactCalculator.level(Set.of(), false, OperationalImpact.NONE, 10_000, false))
                .isEqualTo(ImpactLevel.HIGH);
        assertThat(ImpactCalculator.level(Set.of(), true, OperationalImpact.NONE, 0, false))
                .isEqualTo(ImpactLevel.CRITICAL);
        assertThat(ImpactCalculator.level(Set.of(), false, OperationalImpact.SEVERE, 0, false))
                .isEqualTo(ImpactLevel.CRITICAL);
        assertThat(ImpactCalculator.level(Set.of(), false, OperationalImpact.NONE, 100_000, false))
                .isEqualTo(ImpactLevel.CRITICAL);
    }

    @Test
    void worstOperationalImpactAndMedicalExposureAreKept() {
        IncidentImpact severe = impact(
                reported("s", "FR-GES", AttackVector.RANSOMWARE, AWARE, OperationalImpact.SEVERE),
                assessed("s", "FR-GES", 50, Set.of(ExposedDataItem.MEDICAL_RECORD), true));
        IncidentImpact calm = impact(reported("t", "FR-GES"));
        RegionImpact ges = calculator
                .compute(List.of(severe, calm), 0, later, false)
                .regions()
                .get(0);
        assertThat(ges.worstOperationalImpact()).isEqualTo(OperationalImpact.SEVERE);
        assertThat(ges.medicalDataExposed()).isTrue();
        assertThat(ges.impactLevel()).isEqualTo(ImpactLevel.CRITICAL);
    }

    @Test
    void restrictionKeepsOnlyTheOwnRegionWithTotalsOverIt() {
        NationalImpact impact = calculator.compute(
                List.of(notifiedInTime("a", "FR-HDF", 12000), notifiedInTime("c", "FR-NOR", 7500)), 3, later, false);
        NationalImpact hdfOnly = impact.restrictedTo("FR-HDF");
        // national totals minus the own region would be Normandie's unpublished figures
        assertThat(hdfOnly.totals())
                .isEqualTo(calculator
                        .compute(List.of(notifiedInTime("a", "FR-HDF", 12000)), 3, later, false)
                        .totals());
        assertThat(hdfOnly.totals().estimatedPatients()).isEqualTo(12000);
        assertThat(hdfOnly.totals().regionsAffected()).isEqualTo(1);
        assertThat(hdfOnly.regions()).extracting(RegionImpact::code).containsExactly("FR-HDF");
        assertThat(hdfOnly.regionDetailRestricted()).isTrue();
    }

    @Test
    void regionWithoutIncidentHasNoImpact() {
        RegionImpact none = calculator.regionOrNone(
                "FR-976",
                new NationalPicture(
                        java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), -1));
        assertThat(none.impactLevel()).isEqualTo(ImpactLevel.NONE);
        assertThat(none.name()).isEqualTo("Mayotte");
    }
}
