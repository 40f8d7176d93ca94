package fr.ars.coord.region.impact;

import static fr.ars.coord.region.impact.IncidentStories.AWARE;
import static fr.ars.coord.region.impact.IncidentStories.IDENTITY;
import static fr.ars.coord.region.impact.IncidentStories.assessed;
import static fr.ars.coord.region.impact.IncidentStories.contained;
import static fr.ars.coord.region.impact.IncidentStories.moved;
import static fr.ars.coord.region.impact.IncidentStories.notified;
import static fr.ars.coord.region.impact.IncidentStories.reported;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.contracts.incident.Authority;
import fr.ars.coord.contracts.incident.ContainmentAction;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentEvent;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The per-incident merge behind the national-impact projection, on event sequences. */
class IncidentImpactTest {

    private static final String ID = "0b9c2d34-1111-4222-8333-444455556666";
    private static final String HDF = "FR-HDF";

    /** The events of one incident in stream order, each with its sequence number and time. */
    private static List<Step> story() {
        return List.of(
                new Step(reported(ID, HDF), 0),
                new Step(contained(ID, HDF, ContainmentAction.ACCOUNTS_BLOCKED), 1),
                new Step(assessed(ID, HDF, 100), 2),
                new Step(moved(ID, HDF, IncidentStatus.REPORTED, IncidentStatus.ASSESSING), 3),
                new Step(contained(ID, HDF, ContainmentAction.SECURITY_REINFORCED), 4),
                new Step(notified(ID, HDF, Authority.CNIL, AWARE.plusSeconds(7200)), 5),
                new Step(assessed(ID, HDF, 12000), 6),
                new Step(notified(ID, HDF, Authority.CNIL, AWARE.plusSeconds(3600)), 7),
                new Step(moved(ID, HDF, IncidentStatus.ASSESSING, IncidentStatus.CONTAINED), 8));
    }

    private static IncidentImpact fold(List<Step> steps) {
        IncidentImpact impact = null;
        for (Step step : steps) {
            impact = impact == null
                    ? IncidentImpact.first(
                            step.event,
                            new fr.ars.coord.contracts.incident.ObligationFacts.Recorded(
                                    "e" + step.sequence, step.sequence, step.at()))
                    : impact.merge(
                            step.event,
                            new fr.ars.coord.contracts.incident.ObligationFacts.Recorded(
                                    "e" + step.sequence, step.sequence, step.at()));
        }
        return impact;
    }

    @Test
    void latestAssessmentAndStatusWinAndMeasuresAccumulate() {
        IncidentImpact impact = fold(story());
        assertThat(impact.region()).isEqualTo(Region.of(HDF));
        assertThat(impact.status()).isEqualTo(IncidentStatus.CONTAINED);
        assertThat(impact.estimatedPatients()).isEqualTo(12000);
        assertThat(impact.exposedData()).containsExactlyElementsOf(new java.util.TreeSet<>(IDENTITY));
        assertThat(impact.containmentActions())
                .containsExactly(ContainmentAction.ACCOUNTS_BLOCKED, ContainmentAction.SECURITY_REINFORCED);
        assertThat(impact.obligationFacts().notifications())
                .anyMatch(n -> n.authority() == fr.ars.coord.contracts.incident.Authority.CNIL
                        && n.notifiedAt().equals(AWARE.plusSeconds(3600)));
        assertThat(impact.version()).isEqualTo(8);
        assertThat(impact.lastEventAt()).isEqualTo(story().get(8).at());
    }

    @Test
    void anOlderAssessmentDeliveredLateDoesNotReplaceTheNewerOne() {
        List<Step> steps = new ArrayList<>(story());
        Step older = steps.remove(2);
        steps.add(older);
        assertThat(fold(steps).estimatedPatients()).isEqualTo(12000);
    }

    @Test
    void aCorrectionThatReducesTheEstimateIsTakenAsTheLatestFact() {
        List<Step> steps = new ArrayList<>(story());
        steps.add(new Step(assessed(ID, HDF, 800, java.util.Set.of(ExposedDataItem.EMAIL), false), 9));
        IncidentImpact impact = fold(steps);
        assertThat(impact.estimatedPatients()).isEqualTo(800);
        assertThat(impact.exposedData()).containsExactly(ExposedDataItem.EMAIL);
    }

    @Test
    void repeatedDeliveryChangesNothing() {
        List<Step> twice = new ArrayList<>(story());
        twice.addAll(story());
        assertThat(fold(twice)).isEqualTo(fold(story()));
    }

    @Test
    void anyOrderGivesTheSameImpact() {
        IncidentImpact expected = fold(story());
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            List<Step> shuffled = new ArrayList<>(story());
            Collections.shuffle(shuffled, random);
            IncidentImpact impact = fold(shuffled);
            assertThat(impact)
                    .usingRecursiveComparison()
                    .ignoringFields("lastEventAt")
                    .isEqualTo(expected);
        }
    }

    @Test
    void closingKeepsTheFactsAndMarksTheIncidentClosed() {
        List<Step> steps = new ArrayList<>(story());
        steps.add(new Step(moved(ID, HDF, IncidentStatus.CONTAINED, IncidentStatus.RESOLVED), 9));
        steps.add(new Step(moved(ID, HDF, IncidentStatus.RESOLVED, IncidentStatus.CLOSED), 10));
        IncidentImpact impact = fold(steps);
        assertThat(impact.isOpen()).isFalse();
        assertThat(impact.estimatedPatients()).isEqualTo(12000);
    }

    @Test
    void eventsBeforeTheReportStillCountOnceItArrives() {
        List<Step> steps = new ArrayList<>(story());
        Step report = steps.remove(0);
        IncidentImpact withoutReport = fold(steps);
        assertThat(withoutReport.isReported()).isFalse();
        IncidentImpact complete = withoutReport.merge(
                report.event,
                new fr.ars.coord.contracts.incident.ObligationFacts.Recorded(
                        "e" + report.sequence, report.sequence, report.at()));
        assertThat(complete.isReported()).isTrue();
        assertThat(complete.status()).isEqualTo(IncidentStatus.CONTAINED);
    }

    private record Step(IncidentEvent event, long sequence) {
        Instant at() {
            return Instant.parse("2025-11-22T08:00:00Z").plusSeconds(sequence * 60);
        }
    }
}
