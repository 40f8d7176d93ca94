package fr.ars.coord.region.observable;

import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.contracts.observable.ObservableRole;
import fr.ars.coord.contracts.observable.ObservableType;
import fr.ars.coord.contracts.region.Region;
import java.util.List;

/**
 * One of a region's own observables and what the region may learn of the same value elsewhere: in how many other
 * regions it stands, and which of them, only where their label is TLP:GREEN or TLP:CLEAR (shared with the community).
 */
public record RegionObservable(
        String observableId,
        String incidentId,
        ObservableType type,
        String value,
        ObservableRole role,
        TlpLabel tlp,
        int otherRegions,
        List<Region> namedOtherRegions) {}
