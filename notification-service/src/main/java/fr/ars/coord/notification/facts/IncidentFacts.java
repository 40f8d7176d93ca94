package fr.ars.coord.notification.facts;

import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.ContainmentAction;
import fr.ars.coord.contracts.incident.ContainmentActionRecordedEvent;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentAssessedEvent;
import fr.ars.coord.contracts.incident.IncidentEvent;
import fr.ars.coord.contracts.incident.IncidentReportedEvent;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.IncidentStatusChangedEvent;
import fr.ars.coord.contracts.incident.OperationalImpact;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What one incident lets a communiqué say, with the id of the event behind each fact. Merged like the
 * national impact: latest assessment and status by sequence number, containment actions accumulated.
 *
 * @param containmentEvents containment action name to the id of the event that first recorded it
 */
@Document(IncidentFacts.COLLECTION)
public record IncidentFacts(@Id String incidentId, Region region, String title, Instant awareAt,
                            AttackVector attackVector, OperationalImpact operationalImpact, String reportedEventId,
                            IncidentStatus status, long statusSequence, long assessmentSequence,
                            String assessmentEventId, Set<ExposedDataItem> exposedData, boolean medicalDataExposed,
                            long estimatedPatients, Map<String, String> containmentEvents, long version) {

    public static final String COLLECTION = "incident_facts";

    public IncidentFacts {
        exposedData = Collections.unmodifiableSet(new TreeSet<>(exposedData));
        containmentEvents = Collections.unmodifiableMap(new TreeMap<>(containmentEvents));
    }

    static IncidentFacts first(IncidentEvent event, long sequence, String eventId) {
        return new IncidentFacts(event.incidentId(), event.region(), null, null, null, null, null, null, -1, -1, null,
                Set.of(), false, 0, Map.of(), -1).merge(event, sequence, eventId);
    }

    IncidentFacts merge(IncidentEvent event, long sequence, String eventId) {
        IncidentFacts f = this;
        if (event instanceof IncidentReportedEvent e) {
            boolean newer = sequence > statusSequence;
            f = new IncidentFacts(incidentId, region, e.title(), e.awareAt(), e.attackVector(), e.operationalImpact(),
                    eventId, newer ? IncidentStatus.REPORTED : status, newer ? sequence : statusSequence,
                    assessmentSequence, assessmentEventId, exposedData, medicalDataExposed, estimatedPatients,
                    containmentEvents, version);
        } else if (event instanceof IncidentStatusChangedEvent e && sequence > statusSequence) {
            f = new IncidentFacts(incidentId, region, title, awareAt, attackVector, operationalImpact, reportedEventId,
                    e.to(), sequence, assessmentSequence, assessmentEventId, exposedData, medicalDataExposed,
                    estimatedPatients, containmentEvents, version);
        } else if (event instanceof IncidentAssessedEvent e && sequence > assessmentSequence) {
            f = new IncidentFacts(incidentId, region, title, awareAt, attackVector, operationalImpact, reportedEventId,
                    status, statusSequence, sequence, eventId, e.exposedData(), e.medicalDataExposed(),
                    e.estimatedPatients(), containmentEvents, version);
        } else if (event instanceof ContainmentActionRecordedEvent e
                && !containmentEvents.containsKey(e.action().name())) {
            Map<String, String> actions = new TreeMap<>(containmentEvents);
            actions.put(e.action().name(), eventId);
            f = new IncidentFacts(incidentId, region, title, awareAt, attackVector, operationalImpact, reportedEventId,
                    status, statusSequence, assessmentSequence, assessmentEventId, exposedData, medicalDataExposed,
                    estimatedPatients, actions, version);
        }
        return new IncidentFacts(f.incidentId, f.region, f.title, f.awareAt, f.attackVector, f.operationalImpact,
                f.reportedEventId, f.status, f.statusSequence, f.assessmentSequence, f.assessmentEventId, f.exposedData,
                f.medicalDataExposed, f.estimatedPatients, f.containmentEvents, Math.max(version, sequence));
    }

    /** Reported, assessed, and some patient data found exposed: matter for a communiqué. */
    public boolean exposesPersonalData() {
        return title != null && assessmentEventId != null && !exposedData.isEmpty();
    }

    public Set<ContainmentAction> containmentActions() {
        Set<ContainmentAction> actions = new TreeSet<>();
        containmentEvents.keySet().forEach(a -> actions.add(ContainmentAction.valueOf(a)));
        return actions;
    }
}
