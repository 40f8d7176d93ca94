package fr.ars.coord.region.observable;

import fr.ars.coord.contracts.observable.ObservableType;
import fr.ars.coord.contracts.region.Region;
import java.util.List;

/** A value standing on incidents of several regions, with every sighting (for the national cell). */
public record SharedObservable(ObservableType type, String value, List<Region> regions, List<Sighting> sightings) {}
