package fr.ars.coord.region.impact;

import fr.ars.coord.contracts.incident.IncidentEvent;

/** Builds impacts from events for tests outside the package. */
public final class IncidentImpactFactory {

    private IncidentImpactFactory() {}

    public static IncidentImpact of(IncidentEvent... events) {
        IncidentImpact impact = IncidentImpact.first(
                events[0],
                new fr.ars.coord.contracts.incident.ObligationFacts.Recorded("e0", 0, IncidentStories.AWARE));
        for (int i = 1; i < events.length; i++) {
            impact = impact.merge(
                    events[i],
                    new fr.ars.coord.contracts.incident.ObligationFacts.Recorded(
                            "e" + i, i, IncidentStories.AWARE.plusSeconds(i)));
        }
        return impact;
    }
}
