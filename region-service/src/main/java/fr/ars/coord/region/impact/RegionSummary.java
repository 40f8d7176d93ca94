package fr.ars.coord.region.impact;

import fr.ars.coord.contracts.incident.ContainmentAction;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.OperationalImpact;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One region's figures kept by difference: each reported incident adds its contribution when it is merged and
 * takes back its previous one, so the region's picture never needs its incidents read again. Sets that are
 * unions over incidents (exposed data, containment actions) and the worst operational impact are kept as counts
 * of the incidents showing each value, so that an incident's change can remove what only it showed.
 */
public record RegionSummary(
        int incidentsOpen,
        int incidentsClosed,
        long estimatedPatients,
        Map<ExposedDataItem, Integer> exposedData,
        int medicalDataExposed,
        Map<OperationalImpact, Integer> operationalImpacts,
        Map<ContainmentAction, Integer> containmentActions,
        Map<IncidentStatus, Integer> statusCounts,
        Instant lastEventAt) {

    public static final RegionSummary EMPTY =
            new RegionSummary(0, 0, 0, Map.of(), 0, Map.of(), Map.of(), Map.of(), null);

    public RegionSummary {
        exposedData = positive(exposedData, ExposedDataItem.class);
        operationalImpacts = positive(operationalImpacts, OperationalImpact.class);
        containmentActions = positive(containmentActions, ContainmentAction.class);
        statusCounts = positive(statusCounts, IncidentStatus.class);
    }

    /** The summary of {@code impacts} (those not yet reported count for nothing). */
    static RegionSummary of(Collection<IncidentImpact> impacts) {
        RegionSummary summary = EMPTY;
        for (IncidentImpact impact : impacts) {
            summary = summary.plus(impact);
        }
        return summary;
    }

    /** This summary with {@code before}'s contribution taken back and {@code after}'s added (either may be null). */
    RegionSummary replacing(IncidentImpact before, IncidentImpact after) {
        return minus(before).plus(after);
    }

    RegionSummary plus(IncidentImpact impact) {
        return add(impact, 1);
    }

    RegionSummary minus(IncidentImpact impact) {
        return add(impact, -1);
    }

    boolean isEmpty() {
        return incidentsOpen + incidentsClosed == 0;
    }

    OperationalImpact worstOperationalImpact() {
        return operationalImpacts.keySet().stream().max(Enum::compareTo).orElse(OperationalImpact.NONE);
    }

    private RegionSummary add(IncidentImpact impact, int sign) {
        if (impact == null || !impact.isReported()) {
            return this;
        }
        Map<ExposedDataItem, Integer> exposed = new EnumMap<>(ExposedDataItem.class);
        exposed.putAll(exposedData);
        impact.exposedData().forEach(item -> exposed.merge(item, sign, Integer::sum));
        Map<OperationalImpact, Integer> operational = new EnumMap<>(OperationalImpact.class);
        operational.putAll(operationalImpacts);
        if (impact.operationalImpact() != null) {
            operational.merge(impact.operationalImpact(), sign, Integer::sum);
        }
        Map<ContainmentAction, Integer> actions = new EnumMap<>(ContainmentAction.class);
        actions.putAll(containmentActions);
        impact.containmentActions().forEach(action -> actions.merge(action, sign, Integer::sum));
        Map<IncidentStatus, Integer> statuses = new EnumMap<>(IncidentStatus.class);
        statuses.putAll(statusCounts);
        statuses.merge(impact.status(), sign, Integer::sum);
        boolean open = impact.isOpen();
        // each incident's last event only moves forward: the region's latest is the latest ever merged
        Instant last =
                lastEventAt == null || impact.lastEventAt().isAfter(lastEventAt) ? impact.lastEventAt() : lastEventAt;
        return new RegionSummary(
                incidentsOpen + (open ? sign : 0),
                incidentsClosed + (open ? 0 : sign),
                estimatedPatients + sign * impact.estimatedPatients(),
                exposed,
                medicalDataExposed + (impact.medicalDataExposed() ? sign : 0),
                operational,
                actions,
                statuses,
                sign > 0 ? last : lastEventAt);
    }

    private static <E extends Enum<E>> Map<E, Integer> positive(Map<E, Integer> counts, Class<E> type) {
        Map<E, Integer> kept = new EnumMap<>(type);
        if (counts != null) {
            counts.forEach((key, count) -> {
                if (count != null && count > 0) {
                    kept.put(key, count);
                }
            });
        }
        return Collections.unmodifiableMap(kept);
    }
}
