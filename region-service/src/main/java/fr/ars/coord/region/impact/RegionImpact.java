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
 * <p>
 * {@code incidentIds} (in id order) and {@code overdueClocks} (most overdue first) list at most the picture's
 * {@code listedPerRegion} entries: the counts ({@code incidentsOpen + incidentsClosed}, {@code overdueClockCount})
 * are always whole, and the whole lists are paged resources of the region.
 */
public record RegionImpact(
        String code,
        String name,
        int incidentsOpen,
        int incidentsClosed,
        long estimatedPatients,
        List<ExposedDataItem> exposedData,
        boolean medicalDataExposed,
        OperationalImpact worstOperationalImpact,
        List<ContainmentAction> containmentActions,
        Map<IncidentStatus, Integer> statusCounts,
        List<OverdueClock> overdueClocks,
        ImpactLevel impactLevel,
        Instant lastEventAt,
        List<String> incidentIds,
        int overdueClockCount) {}
