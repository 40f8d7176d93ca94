package fr.ars.coord.region.campaign;

import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.region.impact.IncidentImpact;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Groups incidents that look like one attack: not linked to any campaign, same attack vector ({@code UNKNOWN}
 * is no common vector), all within a seven-day window of awareness, in at least two regions. Per vector,
 * incidents sorted by {@code awareAt} are cut into consecutive windows, each opened by its earliest incident.
 */
final class SuggestionFinder {

    static final Duration WINDOW = Duration.ofDays(7);

    private SuggestionFinder() {}

    static List<CampaignSuggestion> find(Collection<IncidentImpact> incidents, Set<String> linked) {
        Map<AttackVector, List<IncidentImpact>> byVector = incidents.stream()
                .filter(i -> i.awareAt() != null && i.attackVector() != AttackVector.UNKNOWN)
                .filter(i -> !linked.contains(i.incidentId()))
                .collect(Collectors.groupingBy(IncidentImpact::attackVector, TreeMap::new, Collectors.toList()));
        List<CampaignSuggestion> suggestions = new ArrayList<>();
        byVector.forEach((vector, candidates) -> {
            List<IncidentImpact> sorted = candidates.stream()
                    .sorted(Comparator.comparing(IncidentImpact::awareAt).thenComparing(IncidentImpact::incidentId))
                    .toList();
            List<IncidentImpact> window = new ArrayList<>();
            for (IncidentImpact incident : sorted) {
                if (!window.isEmpty()
                        && incident.awareAt().isAfter(window.get(0).awareAt().plus(WINDOW))) {
                    suggest(vector, window).ifPresent(suggestions::add);
                    window = new ArrayList<>();
                }
                window.add(incident);
            }
            suggest(vector, window).ifPresent(suggestions::add);
        });
        return suggestions;
    }

    private static java.util.Optional<CampaignSuggestion> suggest(AttackVector vector, List<IncidentImpact> window) {
        List<Region> regions = window.stream()
                .map(IncidentImpact::region)
                .distinct()
                .sorted(Comparator.comparing(Region::code))
                .toList();
        if (regions.size() < 2) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(CampaignSuggestion.sameVector(
                vector,
                regions,
                window.stream().map(IncidentImpact::incidentId).toList(),
                window.get(0).awareAt(),
                window.get(window.size() - 1).awareAt()));
    }
}
