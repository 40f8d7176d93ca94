package fr.ars.coord.notification.facts;

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
import fr.ars.coord.contracts.incident.PatientInformationChannel;
import fr.ars.coord.contracts.incident.PatientInformationDecision;
import fr.ars.coord.contracts.incident.PatientInformationRecordedEvent;
import fr.ars.coord.contracts.region.Region;
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
 * national impact: latest assessment, status and patient-information decision by sequence number, containment
 * actions accumulated.
 *
 * @param containmentEvents containment action name to the id of the event that first recorded it
 * @param patientInformation the latest decision on telling the patients (GDPR art. 34), null while none is recorded
 * @param layout which facts the document holds: {@link #LAYOUT} for today's; null in documents written before the
 *               patient-information decision was kept, which are folded again from the incident's first event
 * @param exerciseId the exercise the incident was recorded in, null for a real one: its communiqués are the
 *                   exercise's, never a real one's
 */
@Document(IncidentFacts.COLLECTION)
public record IncidentFacts(
        @Id String incidentId,
        Region region,
        String title,
        Instant awareAt,
        AttackVector attackVector,
        OperationalImpact operationalImpact,
        String reportedEventId,
        IncidentStatus status,
        long statusSequence,
        long assessmentSequence,
        String assessmentEventId,
        Set<ExposedDataItem> exposedData,
        boolean medicalDataExposed,
        long estimatedPatients,
        Map<String, String> containmentEvents,
        PatientInformation patientInformation,
        long version,
        Integer layout,
        String exerciseId) {

    public static final String COLLECTION = "incident_facts";
    /** The facts a document holds since the patient-information decision is kept. */
    public static final int LAYOUT = 2;

    public IncidentFacts {
        exposedData = Collections.unmodifiableSet(new TreeSet<>(exposedData));
        containmentEvents = Collections.unmodifiableMap(new TreeMap<>(containmentEvents));
    }

    /**
     * The latest patient-information decision recorded for the incident, from the event {@code eventId} at
     * {@code sequence}: informed or not, how ({@code channel}, null until chosen) and when ({@code informedAt}, null
     * until done).
     */
    public record PatientInformation(
            long sequence,
            String eventId,
            PatientInformationDecision decision,
            PatientInformationChannel channel,
            Instant informedAt) {

        public boolean required() {
            return decision == PatientInformationDecision.REQUIRED;
        }

        /**
         * The patients are told, or to be told, otherwise than each one individually: the public communication
         * then has to give them a contact point (GDPR art. 34(2)).
         */
        public boolean publicly() {
            return required() && channel != PatientInformationChannel.INDIVIDUAL;
        }
    }

    /** Written with today's layout: nothing recorded before its version is missing from it. */
    public boolean current() {
        return layout != null && layout >= LAYOUT;
    }

    static IncidentFacts first(IncidentEvent event, long sequence, String eventId) {
        return new IncidentFacts(
                        event.incidentId(),
                        event.region(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        -1,
                        -1,
                        null,
                        Set.of(),
                        false,
                        0,
                        Map.of(),
                        null,
                        -1,
                        LAYOUT,
                        null)
                .merge(event, sequence, eventId);
    }

    IncidentFacts merge(IncidentEvent event, long sequence, String eventId) {
        IncidentFacts f = this;
        if (event instanceof IncidentReportedEvent e) {
            boolean newer = sequence > statusSequence;
            f = new IncidentFacts(
                    incidentId,
                    region,
                    e.title(),
                    e.awareAt(),
                    e.attackVector(),
                    e.operationalImpact(),
                    eventId,
                    newer ? IncidentStatus.REPORTED : status,
                    newer ? sequence : statusSequence,
                    assessmentSequence,
                    assessmentEventId,
                    exposedData,
                    medicalDataExposed,
                    estimatedPatients,
                    containmentEvents,
                    patientInformation,
                    version,
                    layout,
                    e.exerciseId());
        } else if (event instanceof IncidentStatusChangedEvent e && sequence > statusSequence) {
            f = new IncidentFacts(
                    incidentId,
                    region,
                    title,
                    awareAt,
                    attackVector,
                    operationalImpact,
                    reportedEventId,
                    e.to(),
                    sequence,
                    assessmentSequence,
                    assessmentEventId,
                    exposedData,
                    medicalDataExposed,
                    estimatedPatients,
                    containmentEvents,
                    patientInformation,
                    version,
                    layout,
                    exerciseId);
        } else if (event instanceof IncidentAssessedEvent e && sequence > assessmentSequence) {
            f = new IncidentFacts(
                    incidentId,
                    region,
                    title,
                    awareAt,
                    attackVector,
                    operationalImpact,
                    reportedEventId,
                    status,
                    statusSequence,
                    sequence,
                    eventId,
                    e.exposedData(),
                    e.medicalDataExposed(),
                    e.estimatedPatients(),
                    containmentEvents,
                    patientInformation,
                    version,
                    layout,
                    exerciseId);
        } else if (event instanceof ContainmentActionRecordedEvent e
                && !containmentEvents.containsKey(e.action().name())) {
            Map<String, String> actions = new TreeMap<>(containmentEvents);
            actions.put(e.action().name(), eventId);
            f = new IncidentFacts(
                    incidentId,
                    region,
                    title,
                    awareAt,
                    attackVector,
                    operationalImpact,
                    reportedEventId,
                    status,
                    statusSequence,
                    assessmentSequence,
                    assessmentEventId,
                    exposedData,
                    medicalDataExposed,
                    estimatedPatients,
                    actions,
                    patientInformation,
                    version,
                    layout,
                    exerciseId);
        } else if (event instanceof PatientInformationRecordedEvent e
                && (patientInformation == null || sequence > patientInformation.sequence())) {
            f = new IncidentFacts(
                    incidentId,
                    region,
                    title,
                    awareAt,
                    attackVector,
                    operationalImpact,
                    reportedEventId,
                    status,
                    statusSequence,
                    assessmentSequence,
                    assessmentEventId,
                    exposedData,
                    medicalDataExposed,
                    estimatedPatients,
                    containmentEvents,
                    new PatientInformation(sequence, eventId, e.decision(), e.channel(), e.informedAt()),
                    version,
                    layout,
                    exerciseId);
        }
        return new IncidentFacts(
                f.incidentId,
                f.region,
                f.title,
                f.awareAt,
                f.attackVector,
                f.operationalImpact,
                f.reportedEventId,
                f.status,
                f.statusSequence,
                f.assessmentSequence,
                f.assessmentEventId,
                f.exposedData,
                f.medicalDataExposed,
                f.estimatedPatients,
                f.containmentEvents,
                f.patientInformation,
                Math.max(version, sequence),
                f.layout,
                f.exerciseId);
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
