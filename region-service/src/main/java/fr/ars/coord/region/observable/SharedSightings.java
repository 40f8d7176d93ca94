package fr.ars.coord.region.observable;

import java.util.List;
import java.util.Map;

/**
 * The values standing in two or more regions, each with its standing sightings in the order recorded, as of the
 * {@code version}-th change of the shared values (a reader that made something of them may keep it while the version
 * stays).
 */
public record SharedSightings(long version, Map<String, List<Sighting>> byValue) {}
