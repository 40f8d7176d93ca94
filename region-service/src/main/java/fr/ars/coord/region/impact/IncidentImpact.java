package fr.ars.coord.region.impact;

import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.Authority;
import fr.ars.coord.contracts.incident.AuthorityNotifiedEvent;
import fr.ars.coord.contracts.incident.ContainmentAction;
import fr.ars.coord.contracts.incident.ContainmentActionRecordedEvent;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentAssessedEvent;
import fr.ars.coord.contracts.incident.IncidentEvent;
import fr.ars.coord.contracts.incident.IncidentReportedEvent;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.IncidentStatusChangedEvent;
import fr.ars.coord.contracts.incident.NotificationKind;
import fr.ars.coord.contracts.incident.ObligationFacts;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.contracts.incident.PatientInformationDecision;
import fr.ars.coord.contracts.incident.PatientInformationRecordedEvent;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one incident contributes to the national picture. Built by merging its events in any order and any
 * number of times: the status and the assessment come from the event with the highest sequence number,
 * containment actions and notifications accumulate. So a replay, a repeated delivery or a late event never
 * corrupts the picture.
 *
 * @param statusSequence     sequence number of the event that set {@code status}
 * @param assessmentSequence sequence number of the assessment shown, -1 before any
 * @param firstNotified      "AUTHORITY/KIND" (the kind recorded, or implied) to the earliest {@code notifiedAt}
 * @param resolvedAt         when it first moved to RESOLVED, or null; the two below, when an assessment first said
 *                           personal data was exposed, and first found a high risk to the patients
 * @param patientDecision    the art. 34 decision of the latest patient-information record (sequence
 *                           {@code patientSequence}), with {@code patientsInformedAt}
 */
public record IncidentImpact(String incidentId, Region region, AttackVector attackVector,
                             OperationalImpact operationalImpact, Instant awareAt, IncidentStatus status,
                             long statusSequence, long assessmentSequence, long estimatedPatients,
                             Set<ExposedDataItem> exposedData, boolean medicalDataExposed,
                             Set<ContainmentAction> containmentActions, Map<String, Instant> firstNotified,
                             Instant lastEventAt, long version, Instant resolvedAt, Instant personalDataExposedAt,
                             Instant highRiskAt, PatientInformationDecision patientDecision,
                             Instant patientsInformedAt, long patientSequence) {

    public IncidentImpact {
        // enum sets: a few bytes each, in declaration order as before (tens of thousands are held by a rebuild)
        exposedData = enumSet(exposedData, ExposedDataItem.class);
        containmentActions = enumSet(containmentActions, ContainmentAction.class);
        firstNotified = Collections.unmodifiableMap(new TreeMap<>(firstNotified));
    }

    static IncidentImpact first(IncidentEvent event, long sequence, Instant at) {
        return new IncidentImpact(event.incidentId(), event.region(), null, null, null, null, -1, -1, 0, Set.of(),
                false, Set.of(), Map.of(), at, -1, null, null, null, null, null, -1).merge(event, sequence, at);
    }

    /** This impact with the event merged in; unchanged facts keep their values. */
    IncidentImpact merge(IncidentEvent event, long sequence, Instant at) {
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
        Map<String, Instant> notified = firstNotified;
        Instant resolved = resolvedAt;
        Instant exposedAt = personalDataExposedAt;
        Instant highRisk = highRiskAt;
        PatientInformationDecision decision = patientDecision;
        Instant informedAt = patientsInformedAt;
        long decisionSequence = patientSequence;

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
            if (e.to() == IncidentStatus.RESOLVED) {
                resolved = earliest(resolved, at);
            }
        } else if (event instanceof IncidentAssessedEvent e) {
            if (sequence > newAssessmentSequence) {
                newAssessmentSequence = sequence;
                patients = e.estimatedPatients();
                exposed = e.exposedData();
                medical = e.medicalDataExposed();
            }
            if (e.personalDataExposed()) {
                exposedAt = earliest(exposedAt, at);
            }
            if (e.highRiskToPatients()) {
                highRisk = earliest(highRisk, at);
            }
        } else if (event instanceof ContainmentActionRecordedEvent e) {
            if (!actions.contains(e.action())) {
                Set<ContainmentAction> union = EnumSet.of(e.action());
                union.addAll(actions);
                actions = union;
            }
        } else if (event instanceof AuthorityNotifiedEvent e) {
            Map<String, Instant> earliest = new HashMap<>(notified);
            earliest.merge(e.authority().name() + "/" + e.effectiveKind().name(), e.notifiedAt(),
                    (a, b) -> a.isBefore(b) ? a : b);
            notified = earliest;
        } else if (event instanceof PatientInformationRecordedEvent e && sequence > decisionSequence) {
            decision = e.decision();
            informedAt = e.informedAt();
            decisionSequence = sequence;
        }
        Instant last = lastEventAt == null || at.isAfter(lastEventAt) ? at : lastEventAt;
        return new IncidentImpact(incidentId, region, vector, operational, aware, newStatus, newStatusSequence,
                newAssessmentSequence, patients, exposed, medical, actions, notified, last,
                Math.max(version, sequence), resolved, exposedAt, highRisk, decision, informedAt, decisionSequence);
    }

    /**
     * What the incident's obligations depend on, as merged: its notifications (each kind's earliest), when it was
     * resolved, exposed personal data, showed a high risk, and the patients' information.
     */
    ObligationFacts obligationFacts(boolean nis2Applies) {
        List<ObligationFacts.Notification> notifications = firstNotified.entrySet().stream().map(entry -> {
            String[] key = entry.getKey().split("/", 2);
            return new ObligationFacts.Notification(Authority.valueOf(key[0]), NotificationKind.valueOf(key[1]),
                    entry.getValue(), null);
        }).toList();
        return new ObligationFacts(awareAt, resolvedAt, personalDataExposedAt, highRiskAt, notifications,
                patientDecision == null ? null : new ObligationFacts.PatientInformation(patientDecision,
                        patientsInformedAt, null), nis2Applies);
    }

    private static Instant earliest(Instant known, Instant at) {
        return known == null || at.isBefore(known) ? at : known;
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
