package fr.ars.coord.region.campaign;

import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.region.impact.IncidentOutline;
import fr.ars.coord.region.observable.Sighting;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Groups incidents not linked to any campaign that share values (observables standing on each): two incidents of
 * different regions with one value in common are joined, and joins chain. A group is suggested when it spans two or
 * more regions, with the values that join it.
 */
final class ObservableSuggestionFinder {

    private ObservableSuggestionFinder() {}

    static List<CampaignSuggestion> find(
            Map<String, List<Sighting>> sharedByValue, Set<String> linked, Map<String, IncidentOutline> impacts) {
        Map<String, String> parent = new HashMap<>();
        List<List<Sighting>> shared = new ArrayList<>();
        sharedByValue.values().forEach(sightings -> {
            List<Sighting> unlinked = sightings.stream()
                    .filter(s -> !linked.contains(s.incidentId()))
                    .toList();
            if (unlinked.stream().map(Sighting::region).distinct().count() < 2) {
                return;
            }
            shared.add(unlinked);
            unlinked.forEach(s -> union(parent, unlinked.get(0).incidentId(), s.incidentId()));
        });
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        Map<String, List<List<Sighting>>> valuesByGroup = new HashMap<>();
        for (List<Sighting> sightings : shared) {
            String root = root(parent, sightings.get(0).incidentId());
            Set<String> incidents = groups.computeIfAbsent(root, r -> new LinkedHashSet<>());
            sightings.forEach(s -> incidents.add(s.incidentId()));
            valuesByGroup.computeIfAbsent(root, r -> new ArrayList<>()).add(sightings);
        }
        List<CampaignSuggestion> suggestions = new ArrayList<>();
        groups.forEach((root, incidents) -> suggestions.add(suggestion(incidents, valuesByGroup.get(root), impacts)));
        return suggestions;
    }

    private static CampaignSuggestion suggestion(
            Collection<String> incidentIds, List<List<Sighting>> values, Map<String, IncidentOutline> impacts) {
        Map<String, Region> regionOf = new LinkedHashMap<>();
        values.forEach(sightings -> sightings.forEach(s -> regionOf.put(s.incidentId(), s.region())));
        List<Region> regions = regionOf.values().stream()
                .distinct()
                .sorted(Comparator.comparing(Region::code))
                .toList();
        List<IncidentOutline> known =
                incidentIds.stream().map(impacts::get).filter(Objects::nonNull).toList();
        List<AttackVector> vectors =
                known.stream().map(IncidentOutline::attackVector).distinct().toList();
        List<Instant> aware = known.stream()
                .map(IncidentOutline::awareAt)
                .filter(Objects::nonNull)
                .sorted()
                .toList();
        List<CampaignSuggestion.SharedValue> sharedValues = values.stream()
                .map(sightings -> new CampaignSuggestion.SharedValue(
                        sightings.get(0).type(),
                        sightings.get(0).value(),
                        sightings.stream()
                                .map(Sighting::region)
                                .distinct()
                                .sorted(Comparator.comparing(Region::code))
                                .toList()))
                .toList();
        return new CampaignSuggestion(
                vectors.size() == 1 ? vectors.get(0) : null,
                regions,
                incidentIds.stream().sorted().toList(),
                aware.isEmpty() ? null : aware.get(0),
                aware.isEmpty() ? null : aware.get(aware.size() - 1),
                CampaignSuggestion.Basis.SHARED_OBSERVABLES,
                sharedValues.size() == 1
                        ? "Une valeur observée en commun : " + describe(sharedValues.get(0)) + "."
                        : sharedValues.size() + " valeurs observées en commun, dont " + describe(sharedValues.get(0))
                                + ".",
                sharedValues);
    }

    private static String describe(CampaignSuggestion.SharedValue value) {
        return value.type().typeName() + " " + value.value();
    }

    private static String root(Map<String, String> parent, String id) {
        String root = id;
        while (parent.containsKey(root) && !parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        parent.put(id, root);
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = root(parent, a);
        String rb = root(parent, b);
        if (!ra.equals(rb)) {
            parent.put(rb, ra);
        }
    }
}
