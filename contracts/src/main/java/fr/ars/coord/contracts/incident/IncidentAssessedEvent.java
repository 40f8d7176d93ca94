package fr.ars.coord.contracts.incident;

import fr.ars.coord.contracts.region.Region;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.serialization.Revision;

/**
 * An assessment of what the incident exposed. Each assessment replaces the previous one in the
 * current view; all of them stay in the history.
 */
@Revision("1")
public record IncidentAssessedEvent(String incidentId, Region region, Set<ExposedDataItem> exposedData,
                                    boolean medicalDataExposed, long estimatedPatients,
                                    List<String> affectedSystems, String note) implements IncidentEvent {

    public IncidentAssessedEvent {
        // in declaration order, so that views and texts list the categories the same way every time
        exposedData = Collections.unmodifiableSet(new TreeSet<>(exposedData));
        affectedSystems = List.copyOf(affectedSystems);
    }
}
