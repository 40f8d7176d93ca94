package fr.ars.coord.region.impact;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;

/**
 * The national picture folded from every event up to global index {@code upTo}: derived data, rebuildable from the
 * events, that an {@code asOf} starts from instead of the first event.
 *
 * @param recordedUntil the latest timestamp of the events it includes: it serves any instant from then on
 * @param position      the global index of the last incident event it includes (the answer's {@code position})
 */
public record ImpactSnapshot(long upTo, Instant recordedUntil, long position, Map<String, IncidentImpact> impacts) {

    public ImpactSnapshot {
        // shared by the asOf that start from it: never changed
        impacts = Collections.unmodifiableMap(impacts);
    }
}
