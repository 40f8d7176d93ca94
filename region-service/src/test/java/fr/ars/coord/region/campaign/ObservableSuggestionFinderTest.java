package fr.ars.coord.region.campaign;

import static fr.ars.coord.region.impact.IncidentStories.AWARE;
import static fr.ars.coord.region.impact.IncidentStories.reported;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.contracts.observable.ObservableRole;
import fr.ars.coord.contracts.observable.ObservableType;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.region.impact.IncidentImpact;
import fr.ars.coord.region.impact.IncidentImpactFactory;
import fr.ars.coord.region.impact.IncidentOutline;
import fr.ars.coord.region.observable.Sighting;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ObservableSuggestionFinderTest {

    private static Sighting seen(String incident, Region region, ObservableType type, String value) {
        return new Sighting(
                incident + value, incident, region, type, value, ObservableRole.OTHER, TlpLabel.AMBER, AWARE);
    }

    private static Map<String, List<Sighting>> byValue(Sighting... sightings) {
        Map<String, List<Sighting>> byValue = new LinkedHashMap<>();
        for (Sighting s : sightings) {
            byValue.computeIfAbsent(s.key(), k -> new java.util.ArrayList<>()).add(s);
        }
        return byValue;
    }

    private static Map<String, IncidentOutline> impacts() {
        Map<String, IncidentImpact> impacts = new LinkedHashMap<>();
        impacts.put(
                "hdf",
                IncidentImpactFactory.of(
                        reported("hdf", "FR-HDF", AttackVector.PHISHING, AWARE, OperationalImpact.NONE)));
        impacts.put(
                "nor",
                IncidentImpactFactory.of(reported(
                        "nor",
                        "FR-NOR",
                        AttackVector.PHISHING,
                        AWARE.plus(Duration.ofDays(40)),
                        OperationalImpact.NONE)));
        impacts.put(
                "bre",
                IncidentImpactFactory.of(reported(
                        "bre",
                        "FR-BRE",
                        AttackVector.RANSOMWARE,
                        AWARE.plus(Duration.ofDays(90)),
                        OperationalImpact.NONE)));
        impacts.put(
                "hdf2",
                IncidentImpactFactory.of(
                        reported("hdf2", "FR-HDF", AttackVector.PHISHING, AWARE, OperationalImpact.NONE)));
        Map<String, IncidentOutline> outlines = new LinkedHashMap<>();
        impacts.forEach((id, impact) -> outlines.put(id, IncidentOutline.of(impact)));
        return outlines;
    }

    @Test
    void sharedValuesChainIncidentsOfSeveralRegionsWhateverTheirDates() {
        List<CampaignSuggestion> suggestions = ObservableSuggestionFinder.find(
                byValue(
                        seen("hdf", Region.HDF, ObservableType.DOMAIN_NAME, "a.example"),
                        seen("nor", Region.NOR, ObservableType.DOMAIN_NAME, "a.example"),
                        seen("nor", Region.NOR, ObservableType.IPV4_ADDR, "203.0.113.9"),
                        seen("bre", Region.BRE, ObservableType.IPV4_ADDR, "203.0.113.9")),
                Set.of(),
                impacts());
        assertThat(suggestions).hasSize(1);
        CampaignSuggestion suggestion = suggestions.get(0);
        assertThat(suggestion.basis()).isEqualTo(CampaignSuggestion.Basis.SHARED_OBSERVABLES);
        assertThat(suggestion.incidentIds()).containsExactly("bre", "hdf", "nor");
        assertThat(suggestion.regions()).containsExactly(Region.BRE, Region.HDF, Region.NOR);
        assertThat(suggestion.attackVector()).as("phishing and ransomware").isNull();
        assertThat(suggestion.firstAwareAt()).isEqualTo(AWARE);
        assertThat(suggestion.lastAwareAt()).isEqualTo(AWARE.plus(Duration.ofDays(90)));
        assertThat(suggestion.sharedObservables())
                .extracting(CampaignSuggestion.SharedValue::value)
                .containsExactly("a.example", "203.0.113.9");
        assertThat(suggestion.reason()).isEqualTo("2 valeurs observées en commun, dont domain-name a.example.");
    }

    @Test
    void aValueSharedWithinOneRegionOrWithALinkedIncidentSuggestsNothing() {
        assertThat(ObservableSuggestionFinder.find(
                        byValue(
                                seen("hdf", Region.HDF, ObservableType.DOMAIN_NAME, "a.example"),
                                seen("hdf2", Region.HDF, ObservableType.DOMAIN_NAME, "a.example")),
                        Set.of(),
                        impacts()))
                .isEmpty();
        assertThat(ObservableSuggestionFinder.find(
                        byValue(
                                seen("hdf", Region.HDF, ObservableType.DOMAIN_NAME, "a.example"),
                                seen("nor", Region.NOR, ObservableType.DOMAIN_NAME, "a.example")),
                        Set.of("nor"),
                        impacts()))
                .isEmpty();
    }

    @Test
    void separateValuesMakeSeparateSuggestionsAndTheSameVectorIsNamed() {
        List<CampaignSuggestion> suggestions = ObservableSuggestionFinder.find(
                byValue(
                        seen("hdf", Region.HDF, ObservableType.DOMAIN_NAME, "a.example"),
                        seen("nor", Region.NOR, ObservableType.DOMAIN_NAME, "a.example"),
                        seen("hdf2", Region.HDF, ObservableType.URL, "https://b.example/"),
                        seen("bre", Region.BRE, ObservableType.URL, "https://b.example/")),
                Set.of(),
                impacts());
        assertThat(suggestions).hasSize(2);
        assertThat(suggestions.get(0).incidentIds()).containsExactly("hdf", "nor");
        assertThat(suggestions.get(0).attackVector()).isEqualTo(AttackVector.PHISHING);
        assertThat(suggestions.get(0).reason()).isEqualTo("Une valeur observée en commun : domain-name a.example.");
        assertThat(suggestions.get(1).incidentIds()).containsExactly("bre", "hdf2");
    }
}
