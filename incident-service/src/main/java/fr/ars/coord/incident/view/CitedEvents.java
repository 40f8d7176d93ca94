package fr.ars.coord.incident.view;

import fr.ars.coord.contracts.region.Region;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The events a communiqué's sentences cite, read by their ids: each id's incident found in one read of the store,
 * then each incident's history read once. An event the reader may not read (another region's incident) is left out
 * exactly as an id the store does not have: nothing tells one from the other.
 */
@Component
public class CitedEvents {

    private final EventIndex index;
    private final IncidentStreams streams;

    CitedEvents(EventIndex index, IncidentStreams streams) {
        this.index = index;
        this.streams = streams;
    }

    /** The events of {@code eventIds} that are incidents' events of a region {@code readable}, in the order asked. */
    public List<CitedEvent> read(List<String> eventIds, Predicate<Region> readable) {
        Map<String, String> incidents = index.aggregatesOf(eventIds);
        Map<String, Map<String, HistoryEntry>> histories = new HashMap<>();
        List<CitedEvent> cited = new ArrayList<>();
        for (String eventId : eventIds) {
            String incidentId = incidents.get(eventId);
            if (incidentId == null) {
                continue;
            }
            HistoryEntry entry = histories
                    .computeIfAbsent(
                            incidentId,
                            id -> streams.regionOf(id)
                                    .filter(readable)
                                    .map(region -> streams.history(id).stream()
                                            .collect(Collectors.toMap(HistoryEntry::eventId, Function.identity())))
                                    .orElse(Map.of()))
                    .get(eventId);
            if (entry != null) {
                cited.add(CitedEvent.of(incidentId, entry));
            }
        }
        return cited;
    }
}
