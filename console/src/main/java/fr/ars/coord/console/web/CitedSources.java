package fr.ars.coord.console.web;

import fr.ars.coord.client.incident.model.CitedEvent;
import fr.ars.coord.client.notification.model.CommuniqueView;
import fr.ars.coord.client.notification.model.Statement;
import fr.ars.coord.console.api.PlatformApi;
import fr.ars.coord.console.security.StaffUser;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The events a communiqué's sentences cite, with what each recorded, when, by whom and in which incident: read once
 * per version of the communiqué's text and per reader's scope (one region's staff, or every region), in one call of
 * the API ({@code GET /api/incidents/events}), then kept here: events never change, so neither does what a given
 * set of them says to a given scope. An open communiqué page refreshed by its live part reads nothing again.
 */
@Component
class CitedSources {

    /** Versions kept: every communiqué open in a crisis, in each scope that reads it. */
    static final int KEPT = 2_000;

    private final Map<String, Map<String, Source>> kept =
            Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Map<String, Source>> eldest) {
                    return size() > KEPT;
                }
            });

    /** A recorded event a sentence rests on: its incident, what it recorded, when and by whom (null: the platform). */
    record Source(String incidentId, String type, java.time.OffsetDateTime recordedAt, String recordedBy) {}

    /** Each cited event id the user may read, with its source; an id not there is shown by itself. */
    Map<String, Source> of(CommuniqueView communique, StaffUser user, PlatformApi api) {
        List<String> eventIds = communique.getStatements() == null
                ? List.of()
                : communique.getStatements().stream()
                        .map(Statement::getEventIds)
                        .filter(ids -> ids != null)
                        .flatMap(List::stream)
                        .distinct()
                        .sorted()
                        .toList();
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        String key = (user.national() ? "*" : String.valueOf(user.region())) + "|" + communique.getId() + "|"
                + String.join(",", eventIds);
        Map<String, Source> known = kept.get(key);
        if (known != null) {
            return known;
        }
        Map<String, Source> sources = new HashMap<>();
        for (CitedEvent event : api.citedEvents(eventIds)) {
            sources.put(
                    event.getEventId(),
                    new Source(
                            event.getIncidentId(),
                            event.getType(),
                            event.getRecordedAt(),
                            event.getRecordedBy() == null
                                    ? null
                                    : event.getRecordedBy().getUsername()));
        }
        Map<String, Source> read = Map.copyOf(sources);
        kept.put(key, read);
        return read;
    }
}
