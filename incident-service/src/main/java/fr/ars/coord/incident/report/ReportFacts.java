package fr.ars.coord.incident.report;

import fr.ars.coord.contracts.incident.AuthorityNotifiedEvent;
import fr.ars.coord.contracts.incident.CnilNotificationDecidedEvent;
import fr.ars.coord.contracts.incident.ContainmentActionRecordedEvent;
import fr.ars.coord.contracts.incident.IncidentAssessedEvent;
import fr.ars.coord.contracts.incident.IncidentClassifiedEvent;
import fr.ars.coord.contracts.incident.IncidentReportedEvent;
import fr.ars.coord.contracts.incident.IncidentStatusChangedEvent;
import fr.ars.coord.contracts.incident.Nis2SignificanceAssessedEvent;
import fr.ars.coord.contracts.incident.ObservableRecordedEvent;
import fr.ars.coord.contracts.incident.ObservableWithdrawnEvent;
import fr.ars.coord.contracts.incident.PatientInformationRecordedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;

/** The incident's events a report quotes, each with its id, in stream order. */
final class ReportFacts {

    /** One recorded event: its id, when it was recorded, and its content. */
    record Recorded<T>(String eventId, Instant at, T event) {}

    Recorded<IncidentReportedEvent> reported;
    Recorded<IncidentAssessedEvent> latestAssessment;
    final List<Recorded<IncidentAssessedEvent>> assessments = new ArrayList<>();
    final List<Recorded<ContainmentActionRecordedEvent>> containment = new ArrayList<>();
    final List<Recorded<AuthorityNotifiedEvent>> notifications = new ArrayList<>();
    final List<Recorded<IncidentStatusChangedEvent>> statusChanges = new ArrayList<>();
    Recorded<PatientInformationRecordedEvent> patientInformation;
    Recorded<IncidentClassifiedEvent> classification;
    Recorded<CnilNotificationDecidedEvent> cnilDecision;
    Recorded<Nis2SignificanceAssessedEvent> significance;
    /** The observables standing (recorded, not withdrawn since), by id, in the order recorded. */
    final Map<String, Recorded<ObservableRecordedEvent>> observables = new LinkedHashMap<>();

    static ReportFacts of(List<? extends DomainEventMessage<?>> events) {
        ReportFacts facts = new ReportFacts();
        for (DomainEventMessage<?> message : events) {
            String id = message.getIdentifier();
            Instant at = message.getTimestamp();
            Object payload = message.getPayload();
            if (payload instanceof IncidentReportedEvent e) {
                facts.reported = new Recorded<>(id, at, e);
            } else if (payload instanceof IncidentAssessedEvent e) {
                facts.latestAssessment = new Recorded<>(id, at, e);
                facts.assessments.add(facts.latestAssessment);
            } else if (payload instanceof ContainmentActionRecordedEvent e) {
                facts.containment.add(new Recorded<>(id, at, e));
            } else if (payload instanceof AuthorityNotifiedEvent e) {
                facts.notifications.add(new Recorded<>(id, at, e));
            } else if (payload instanceof IncidentStatusChangedEvent e) {
                facts.statusChanges.add(new Recorded<>(id, at, e));
            } else if (payload instanceof PatientInformationRecordedEvent e) {
                facts.patientInformation = new Recorded<>(id, at, e);
            } else if (payload instanceof IncidentClassifiedEvent e) {
                facts.classification = new Recorded<>(id, at, e);
            } else if (payload instanceof CnilNotificationDecidedEvent e) {
                facts.cnilDecision = new Recorded<>(id, at, e);
            } else if (payload instanceof Nis2SignificanceAssessedEvent e) {
                facts.significance = new Recorded<>(id, at, e);
            } else if (payload instanceof ObservableRecordedEvent e) {
                facts.observables.put(e.observableId(), new Recorded<>(id, at, e));
            } else if (payload instanceof ObservableWithdrawnEvent e) {
                facts.observables.remove(e.observableId());
            }
        }
        return facts;
    }

    /** The ids of the status changes, the latest last. */
    List<String> statusIds() {
        List<String> ids = new ArrayList<>();
        if (reported != null) {
            ids.add(reported.eventId());
        }
        statusChanges.forEach(s -> ids.add(s.eventId()));
        return ids;
    }
}
