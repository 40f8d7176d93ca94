package fr.ars.coord.incident.view;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.AuthorityNotifiedEvent;
import fr.ars.coord.contracts.incident.CnilNotificationDecidedEvent;
import fr.ars.coord.contracts.incident.ContainmentActionRecordedEvent;
import fr.ars.coord.contracts.incident.IncidentAssessedEvent;
import fr.ars.coord.contracts.incident.IncidentClassifiedEvent;
import fr.ars.coord.contracts.incident.IncidentEvent;
import fr.ars.coord.contracts.incident.IncidentReportedEvent;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.IncidentStatusChangedEvent;
import fr.ars.coord.contracts.incident.Nis2IntermediateReportRequestedEvent;
import fr.ars.coord.contracts.incident.Nis2SignificanceAssessedEvent;
import fr.ars.coord.contracts.incident.ObligationFacts;
import fr.ars.coord.contracts.incident.ObligationReminderRecordedEvent;
import fr.ars.coord.contracts.incident.ObservableRecordedEvent;
import fr.ars.coord.contracts.incident.ObservableWithdrawnEvent;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.contracts.incident.PatientInformationRecordedEvent;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.platform.obligation.IncidentObligations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * Folds an incident's events, in stream order, into its view. Pure: the same events and evaluation time
 * always give the same view, which is what makes {@code asOf} exact.
 */
final class IncidentViewBuilder {

    private final IncidentObligations obligations;

    private String id;
    private Region region;
    private String title;
    private String summary;
    private Instant awareAt;
    private AttackVector attackVector;
    private OperationalImpact operationalImpact;
    private IncidentStatus status;
    private long version = -1;
    private Instant reportedAt;
    private Actor reportedBy;
    private String exerciseId;
    private Instant lastChangedAt;
    private AssessmentView latestAssessment;
    private int assessmentCount;
    private final List<ContainmentActionView> containmentActions = new ArrayList<>();
    private final List<AuthorityNotificationView> authorityNotifications = new ArrayList<>();
    /** What the legal obligations depend on: the fold the aggregate and the national picture share. */
    private ObligationFacts obligationFacts = ObligationFacts.NONE;

    private PatientInformationView patientInformation;
    private Nis2SignificanceView nis2Significance;
    private CnilDecisionView cnilDecision;
    private IntermediateReportRequestView intermediateReportRequest;
    private ClassificationView classification = ClassificationView.UNCLASSIFIED;
    private final List<ReminderView> reminders = new ArrayList<>();
    private final List<WaiverView> waivers = new ArrayList<>();
    private final Map<String, ObservableView> observables = new LinkedHashMap<>();

    IncidentViewBuilder(IncidentObligations obligations) {
        this.obligations = obligations;
    }

    /**
     * A builder that goes on from {@code view} and the obligation facts folded with it (a snapshot): the events after
     * it are applied next.
     */
    static IncidentViewBuilder resuming(IncidentObligations obligations, IncidentView view, ObligationFacts facts) {
        IncidentViewBuilder builder = new IncidentViewBuilder(obligations);
        builder.obligationFacts = facts;
        builder.id = view.id();
        builder.region = view.region();
        builder.title = view.title();
        builder.summary = view.summary();
        builder.awareAt = view.awareAt();
        builder.attackVector = view.attackVector();
        builder.operationalImpact = view.operationalImpact();
        builder.status = view.status();
        builder.version = view.version();
        builder.reportedAt = view.reportedAt();
        builder.reportedBy = view.reportedBy();
        builder.exerciseId = view.exerciseId();
        builder.lastChangedAt = view.lastChangedAt();
        builder.latestAssessment = view.latestAssessment();
        builder.assessmentCount = view.assessmentCount();
        builder.containmentActions.addAll(view.containmentActions());
        builder.authorityNotifications.addAll(view.authorityNotifications());
        builder.patientInformation = view.patientInformation();
        builder.nis2Significance = view.nis2Significance();
        builder.cnilDecision = view.cnilDecision();
        builder.intermediateReportRequest = view.intermediateReportRequest();
        builder.classification = view.classification();
        builder.reminders.addAll(view.reminders());
        builder.waivers.addAll(view.waivers());
        view.observables().forEach(o -> builder.observables.put(o.id(), o));
        return builder;
    }

    void apply(DomainEventMessage<?> message) {
        Instant at = message.getTimestamp();
        Actor by = Actor.fromMetaData(message.getMetaData());
        Object payload = message.getPayload();
        if (payload instanceof IncidentEvent event) {
            obligationFacts = obligationFacts.with(
                    event, new ObligationFacts.Recorded(message.getIdentifier(), message.getSequenceNumber(), at));
        }
        if (payload instanceof IncidentReportedEvent e) {
            id = e.incidentId();
            region = e.region();
            title = e.title();
            summary = e.summary();
            awareAt = e.awareAt();
            attackVector = e.attackVector();
            operationalImpact = e.operationalImpact();
            status = IncidentStatus.REPORTED;
            reportedAt = at;
            reportedBy = by;
            exerciseId = e.exerciseId();
        } else if (payload instanceof IncidentAssessedEvent e) {
            latestAssessment = new AssessmentView(
                    e.exposedData(),
                    e.medicalDataExposed(),
                    e.estimatedPatients(),
                    e.affectedSystems(),
                    e.note(),
                    at,
                    by,
                    e.highRisk(),
                    e.estimatedRecords(),
                    e.breachTypes(),
                    e.dataSubjects());
            assessmentCount++;
        } else if (payload instanceof ObservableRecordedEvent e) {
            observables.remove(e.observableId());
            observables.put(e.observableId(), ObservableView.of(e, at, by));
        } else if (payload instanceof ObservableWithdrawnEvent e) {
            observables.computeIfPresent(e.observableId(), (id, o) -> o.withdrawn(e, at, by));
        } else if (payload instanceof ContainmentActionRecordedEvent e) {
            containmentActions.add(new ContainmentActionView(e.action(), e.description(), at, by));
        } else if (payload instanceof AuthorityNotifiedEvent e) {
            authorityNotifications.add(new AuthorityNotificationView(
                    e.authority(),
                    e.notifiedAt(),
                    e.reference(),
                    at,
                    by,
                    e.effectiveKind(),
                    e.lateReason(),
                    message.getIdentifier()));
        } else if (payload instanceof IncidentStatusChangedEvent e) {
            status = e.to();
            e.waivers().forEach(w -> waivers.add(new WaiverView(w.code(), w.reason(), at, by)));
        } else if (payload instanceof ObligationReminderRecordedEvent e) {
            reminders.add(new ReminderView(e.code(), e.stage(), e.dueAt(), at));
        } else if (payload instanceof IncidentClassifiedEvent e) {
            classification = new ClassificationView(e.taxonomyClass(), e.relatedClasses(), e.tlp(), at, by);
        } else if (payload instanceof PatientInformationRecordedEvent e) {
            patientInformation = new PatientInformationView(
                    e.decision(),
                    e.reason(),
                    e.channel(),
                    e.informedAt(),
                    e.patientsInformed(),
                    e.communiqueId(),
                    at,
                    by);
        } else if (payload instanceof Nis2SignificanceAssessedEvent e) {
            nis2Significance = new Nis2SignificanceView(e.significance(), e.criteria(), e.reason(), at, by);
        } else if (payload instanceof CnilNotificationDecidedEvent e) {
            cnilDecision = new CnilDecisionView(
                    e.decision(), e.reason(), e.breachAwareAt() != null ? e.breachAwareAt() : awareAt, at, by);
        } else if (payload instanceof Nis2IntermediateReportRequestedEvent e) {
            intermediateReportRequest =
                    new IntermediateReportRequestView(e.requestedAt(), e.dueAt(), e.reference(), at, by);
        }
        version = message.getSequenceNumber();
        lastChangedAt = at;
    }

    Optional<IncidentView> view(Instant evaluatedAt, boolean asOfView) {
        if (id == null) {
            return Optional.empty();
        }
        ObligationFacts facts = obligations.effective(obligationFacts);
        return Optional.of(new IncidentView(
                id,
                region,
                title,
                summary,
                awareAt,
                attackVector,
                operationalImpact,
                status,
                version,
                reportedAt,
                reportedBy,
                lastChangedAt,
                latestAssessment,
                assessmentCount,
                List.copyOf(containmentActions),
                List.copyOf(authorityNotifications),
                obligations.clocks(facts, evaluatedAt),
                evaluatedAt,
                asOfView,
                facts.resolvedAt(),
                facts.personalDataExposedAt(),
                facts.highRiskAt(),
                patientInformation,
                facts.nis2InForce(),
                classification,
                List.copyOf(reminders),
                List.copyOf(waivers),
                facts.effectiveEntity(),
                facts.terms(),
                nis2Significance,
                cnilDecision,
                intermediateReportRequest,
                List.copyOf(observables.values()),
                exerciseId));
    }

    /** The obligation facts folded so far (kept with a snapshot of the view). */
    ObligationFacts obligationFacts() {
        return obligationFacts;
    }
}
