package fr.ars.coord.region.impact;

/**
 * What a batch of events did to one incident: its impact as stored before the batch ({@code null} for an
 * incident not seen yet), after it, and the global index of the last of its events merged.
 */
record ImpactChange(IncidentImpact before, IncidentImpact after, long position) {

    ImpactChange then(IncidentImpact next, long nextPosition) {
        return new ImpactChange(before, next, Math.max(position, nextPosition));
    }

    String region() {
        return after.region().code();
    }
}
