package fr.ars.coord.incident.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.EntityKind;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.ObligationTerms;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.contracts.incident.RegulatoryClock;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import java.util.List;

/**
 * An incident as its events describe it, at {@code evaluatedAt} (now, or the requested {@code asOf}).
 * {@code version} is the sequence number of the last event included. {@code regulatoryClocks} has one clock per
 * legal obligation ({@link fr.ars.coord.contracts.incident.ObligationCode}), read at {@code evaluatedAt}; the facts
 * they start from are {@code awareAt}, {@code resolvedAt}, {@code personalDataExposedAt} and {@code highRiskAt}.
 * {@code classification} is its ENISA taxonomy class and the TLP label its details are shared under; {@code reminders}
 * the reminders sent about its obligations; {@code waivers} the obligations it was closed without meeting (their
 * clocks show {@code WAIVED}). {@code entity} is the kind of organisation hit and {@code obligationTerms} the terms its
 * clocks are read with (stamped when it was reported; the current ones for an incident of an earlier release);
 * {@code nis2Significance}, {@code cnilDecision} and {@code intermediateReportRequest} the latest of each decision;
 * {@code observables} what the attack left, in the order recorded, withdrawn ones included and marked.
 * {@code exerciseId} names the exercise it was recorded in ("EXERCICE"), null for a real incident.
 */
public record IncidentView(
        String id,
        Region region,
        String title,
        String summary,
        Instant awareAt,
        AttackVector attackVector,
        OperationalImpact operationalImpact,
        IncidentStatus status,
        long version,
        Instant reportedAt,
        Actor reportedBy,
        Instant lastChangedAt,
        AssessmentView latestAssessment,
        int assessmentCount,
        List<ContainmentActionView> containmentActions,
        List<AuthorityNotificationView> authorityNotifications,
        List<RegulatoryClock> regulatoryClocks,
        Instant evaluatedAt,
        boolean asOfView,
        Instant resolvedAt,
        Instant personalDataExposedAt,
        Instant highRiskAt,
        PatientInformationView patientInformation,
        boolean nis2Applies,
        ClassificationView classification,
        List<ReminderView> reminders,
        List<WaiverView> waivers,
        EntityKind entity,
        ObligationTerms obligationTerms,
        Nis2SignificanceView nis2Significance,
        CnilDecisionView cnilDecision,
        IntermediateReportRequestView intermediateReportRequest,
        List<ObservableView> observables,
        @JsonInclude(JsonInclude.Include.NON_NULL) String exerciseId) {

    public IncidentView {
        observables = observables == null ? List.of() : observables;
        // snapshots taken before reminders, or waivers, existed hold none
        reminders = reminders == null ? List.of() : reminders;
        waivers = waivers == null ? List.of() : waivers;
    }
}
