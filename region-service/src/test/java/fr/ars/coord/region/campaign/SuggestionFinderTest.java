package fr.ars.coord.region.campaign;

import static fr.ars.coord.region.impact.IncidentStories.AWARE;
import static fr.ars.coord.region.impact.IncidentStories.reported;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.region.impact.IncidentImpact;
import fr.ars.coord.region.impact.IncidentImpactFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuggestionFinderTest {

    private static IncidentImpact incident(String id, String region, AttackVector vector, Instant aware) {
        return IncidentImpactFactory.of(reported(id, region, vector, aware, OperationalImpact.NONE));
    }

    @Test
    void sameVectorInTwoRegionsWithinAWeekIsSuggested() {
        List<CampaignSuggestion> suggestions = SuggestionFinder.find(
                List.of(
                        incident("hdf", "FR-HDF", AttackVector.ACCOUNT_USURPATION, AWARE),
                        incident("nor", "FR-NOR", AttackVector.ACCOUNT_USURPATION, AWARE.plus(Duration.ofDays(2))),
                        incident("bre", "FR-BRE", AttackVector.PHISHING, AWARE)),
                Set.of());
        assertThat(suggestions).hasSize(1);
        assertThat(suggestions.get(0).attackVector()).isEqualTo(AttackVector.ACCOUNT_USURPATION);
        assertThat(suggestions.get(0).regions()).containsExactly(Region.HDF, Region.NOR);
        assertThat(suggestions.get(0).incidentIds()).containsExactly("hdf", "nor");
    }

    @Test
    void incidentsMoreThanSevenDaysApartAreNotGrouped() {
        assertThat(SuggestionFinder.find(
                        List.of(
                                incident("hdf", "FR-HDF", AttackVector.RANSOMWARE, AWARE),
                                incident("nor", "FR-NOR", AttackVector.RANSOMWARE, AWARE.plus(Duration.ofDays(8)))),
                        Set.of()))
                .isEmpty();
    }

    @Test
    void aSingleRegionIsNoCampaignAndUnknownVectorsAreNotMatched() {
        assertThat(SuggestionFinder.find(
                        List.of(
                                incident("a", "FR-HDF", AttackVector.PHISHING, AWARE),
                                incident("b", "FR-HDF", AttackVector.PHISHING, AWARE.plusSeconds(60)),
                                incident("c", "FR-NOR", AttackVector.UNKNOWN, AWARE),
                                incident("d", "FR-BRE", AttackVector.UNKNOWN, AWARE)),
                        Set.of()))
                .isEmpty();
    }

    @Test
    void alreadyLinkedIncidentsAreLeftOut() {
        assertThat(SuggestionFinder.find(
                        List.of(
                                incident("hdf", "FR-HDF", AttackVector.ACCOUNT_USURPATION, AWARE),
                                incident("nor", "FR-NOR", AttackVector.ACCOUNT_USURPATION, AWARE)),
                        Set.of("nor")))
                .isEmpty();
    }

    @Test
    void windowsAreCutFromTheirEarliestIncident() {
        List<CampaignSuggestion> suggestions = SuggestionFinder.find(
                List.of(
                        incident("1", "FR-HDF", AttackVector.PHISHING, AWARE),
                        incident("2", "FR-NOR", AttackVector.PHISHING, AWARE.plus(Duration.ofDays(6))),
                        incident("3", "FR-BRE", AttackVector.PHISHING, AWARE.plus(Duration.ofDays(10))),
                        incident("4", "FR-IDF", AttackVector.PHISHING, AWARE.plus(Duration.ofDays(12)))),
                Set.of());
        assertThat(suggestions)
                .extracting(CampaignSuggestion::incidentIds)
                .containsExactly(List.of("1", "2"), List.of("3", "4"));
        for (CampaignSuggestion s : suggestions) {
            assertThat(Duration.between(s.firstAwareAt(), s.lastAwareAt())).isLessThanOrEqualTo(Duration.ofDays(7));
        }
    }
}
