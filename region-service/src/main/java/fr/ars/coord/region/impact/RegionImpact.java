package fr.ars.coord.region.impact;

import fr.ars.coord.contracts.incident.ContainmentAction;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.OperationalImpact;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One region's share of the picture. {@code estimatedPatients} sums each incident's latest assessment;
 * {@code exposedData} and {@code containmentActions} are unions over the region's incidents.
 */
public record RegionImpact(String code, String name, int incidentsOpen, int incidentsClosed, long estimatedPatients,
                           List<ExposedDataItem> exposedData, boolean medicalDataExposed,
                           OperationalImpact worstOperationalImpact, List<ContainmentAction> containmentActions,
                           Map<IncidentStatus, Integer> statusCounts, List<OverdueClock> overdueClocks,
                           ImpactLevel impactLevel, Instant lastEventAt, List<String> incidentIds) {
}
