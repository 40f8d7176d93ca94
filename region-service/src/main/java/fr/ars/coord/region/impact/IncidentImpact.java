package fr.ars.coord.region.impact;

import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.ContainmentAction;
import fr.ars.coord.contracts.incident.ContainmentActionRecordedEvent;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentAssessedEvent;
import fr.ars.coord.contracts.incident.IncidentEvent;
import fr.ars.coord.contracts.incident.IncidentReportedEvent;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.IncidentStatusChangedEvent;
import fr.ars.coord.contracts.incident.ObligationFacts;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What one incident contributes to the national picture. Built by merging its events in any order and any
 * number of times: the status and the assessment come from the event with the highest sequence number,
 * containment actions accumulate, and the obligation facts are the incident's one fold ({@link ObligationFacts}),
 * the same the incident's own view reads. So a replay, a repeated delivery or a late event never corrupts the
 * picture.
 *
 * @param statusSequence     sequence number of the event that set {@code status}
 * @param assessmentSequence sequence number of the assessment shown, -1 before any
 * @param obligationFacts    what its obligations depend on
 */
public record IncidentImpact(
        String incidentId,
        Region region,
        AttackVector attackVector,
        OperationalImpact operationalImpact,
        Instant awareAt,
        IncidentStatus status,
        long statusSequence,
        long assessmentSequence,
        long estimatedPatients,
        Set<ExposedDataItem> exposedData,
        boolean medicalDataExposed,
        Set<ContainmentAction> containmentActions,
        Instant lastEventAt,
        long version,
        ObligationFacts obligationFacts) {

    public IncidentImpact {
        // enum sets: a few bytes each, in declaration order as before (tens of thousands are held by a rebuild)
        exposedData = enumSet(exposedData, ExposedDataItem.class);
        containmentActions = enumSet(containmentActions, ContainmentAction.class);
        obligationFacts = obligationFacts == null ? ObligationFacts.NONE : obligationFacts;
    }

    static IncidentImpact first(IncidentEvent event, ObligationFacts.Recorded recorded) {
        return new IncidentImpact(
                        event.incidentId(),
                        event.region(),
                        null,
                        null,
                        null,
                        null,
                        -1,
                        -1,
                        0,
                        Set.of(),
                        false,
                        Set.of(),
                        recorded.at(),
                        -1,
                        ObligationFacts.NONE)
                .merge(event, recorded);
    }

    /** This impact with the event merged in; unchanged facts keep their values. */
    IncidentImpact merge(IncidentEvent event, ObligationFacts.Recorded recorded) {
        long sequence = recorded.sequence();
        Instant at = recorded.at();
        AttackVector vector = attackVector;
        OperationalImpact operational = operationalImpact;
        Instant aware = awareAt;
        IncidentStatus newStatus = status;
        long newStatusSequence = statusSequence;
        long newAssessmentSequence = assessmentSequence;
        long patients = estimatedPatients;
        Set<ExposedDataItem> exposed = exposedData;
        boolean medical = medicalDataExposed;
        Set<ContainmentAction> actions = containmentActions;

        if (event instanceof IncidentReportedEvent e) {
            vector = e.attackVector();
            operational = e.operationalImpact();
            aware = e.awareAt();
            if (sequence > newStatusSequence) {
                newStatus = IncidentStatus.REPORTED;
                newStatusSequence = sequence;
            }
        } else if (event instanceof IncidentStatusChangedEvent e) {
            if (sequence > newStatusSequence) {
                newStatus = e.to();
                newStatusSequence = sequence;
            }
        } else if (event instanceof IncidentAssessedEvent e) {
            if (sequence > newAssessmentSequence) {
                newAssessmentSequence = sequence;
                patients = e.estimatedPatients();
                exposed = e.exposedData();
                medical = e.medicalDataExposed();
            }
        } else if (event instanceof ContainmentActionRecordedEvent e) {
            if (!actions.contains(e.action())) {
                Set<ContainmentAction> union = EnumSet.of(e.action());
                union.addAll(actions);
                actions = union;
            }
        }
        Instant last = lastEventAt == null || at.isAfter(lastEventAt) ? at : lastEventAt;
        return new IncidentImpact(
                incidentId,
                region,
                vector,
                operational,
                aware,
                newStatus,
                newStatusSequence,
                newAssessmentSequence,
                patients,
                exposed,
                medical,
                actions,
                last,
                Math.max(version, sequence),
                obligationFacts.with(event, recorded));
    }

    private static <E extends Enum<E>> Set<E> enumSet(Set<E> items, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        set.addAll(items);
        return Collections.unmodifiableSet(set);
    }

    boolean isReported() {
        return awareAt != null;
    }

    boolean isOpen() {
        return status != IncidentStatus.CLOSED;
    }
}
