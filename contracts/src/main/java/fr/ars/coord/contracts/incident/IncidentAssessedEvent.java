package fr.ars.coord.contracts.incident;

import java.util.List;
import java.util.Set;
import org.axonframework.serialization.Revision;

/**
 * An assessment of what the incident exposed. Each assessment replaces the previous one in the
 * current view; all of them stay in the history.
 */
@Revision("1")
public record IncidentAssessedEvent(String incidentId, String region, Set<ExposedDataItem> exposedData,
                                    boolean medicalDataExposed, long estimatedPatients,
                                    List<String> affectedSystems, String note) implements IncidentEvent {

    public IncidentAssessedEvent {
        exposedData = Set.copyOf(exposedData);
        affectedSystems = List.copyOf(affectedSystems);
    }
}
