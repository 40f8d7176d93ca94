package fr.ars.coord.incident.lifecycle;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.ars.coord.contracts.exercise.ExerciseTag;
import fr.ars.coord.contracts.incident.ContainmentActionRecordedEvent;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentClassifiedEvent;
import fr.ars.coord.contracts.incident.IncidentEvent;
import fr.ars.coord.contracts.incident.IncidentReportedEvent;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.IncidentStatusChangedEvent;
import fr.ars.coord.contracts.incident.ObligationFacts;
import fr.ars.coord.contracts.incident.ObligationReminderRecordedEvent;
import fr.ars.coord.contracts.incident.ObligationWaiver;
import fr.ars.coord.contracts.incident.ObservableRecordedEvent;
import fr.ars.coord.contracts.incident.ObservableWithdrawnEvent;
import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.incident.exercise.ExerciseRules;
import fr.ars.coord.platform.obligation.IncidentObligations;
import fr.ars.coord.platform.rules.InvalidRequestException;
import java.util.List;
import java.util.function.Predicate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolution;
import org.axonframework.eventsourcing.conflictresolution.Conflicts;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One region's incident. Command handlers check the rules and apply events; event sourcing handlers only
 * rebuild the state those rules need. Every request on an existing incident is opened once, before its handler
 * ({@link #open}): a client's stale {@code If-Match} is detected, and a request already applied with the same
 * {@code Idempotency-Key} changes nothing and reports the current version.
 */
@Aggregate(cache = "incidentCache")
class Incident {

    /**
     * What makes a client's {@code If-Match} version stale: facts recorded since it read them. Reminders the platform
     * recorded meanwhile change no fact, so they do not make the client read again.
     */
    private static final Predicate<List<DomainEventMessage<?>>> FACTS_CHANGED =
            Conflicts.payloadMatching(payload -> !(payload instanceof ObligationReminderRecordedEvent));

    @AggregateIdentifier
    private String incidentId;

    private Region region;
    /** The exercise it was recorded in, null for a real incident: every event it records is marked with it. */
    private String exerciseId;

    private IncidentStatus status;
    private long version;
    /** What the legal obligations depend on, as recorded: the one fold every reader of the clocks shares. */
    private ObligationFacts obligationFacts = ObligationFacts.NONE;
    /** The latest classification, to leave the stream alone when the same one is sent again. */
    private IncidentClassifiedEvent classification;

    private final ObligationReminders reminders = new ObligationReminders();
    private final ObservableRules observables = new ObservableRules();
    private final AppliedRequests appliedRequests = new AppliedRequests();

    Incident() {
        // rebuilt from events
    }

    /** Reports the incident; in an exercise, only while the exercise runs and over its regions. */
    @CommandHandler
    Incident(ReportIncidentCommand command, ExerciseRules exercises) {
        if (command.exerciseId() != null) {
            exercises.requireRecordable(command.exerciseId(), command.region());
        }
        apply(command.reported(), MetaData.from(ExerciseTag.metaData(command.exerciseId())));
    }

    /**
     * Opens every request on the incident (the platform's reminders excepted: they carry no client's version nor
     * key): a version the client read is stale once facts were recorded since, and a request this caller already
     * applied with this key is answered with the current version, recording nothing again. The incident of an
     * exercise that ended records nothing more (409) and is reminded of nothing: the exercise is frozen.
     */
    @CommandHandlerInterceptor
    Object open(CommandMessage<?> command, InterceptorChain chain, ExerciseRules exercises) throws Exception {
        if (command.getPayload() instanceof RemindObligationsCommand) {
            // an ended exercise's incidents are reminded of nothing more
            return exerciseId == null || exercises.running(exerciseId) ? chain.proceed() : 0;
        }
        ConflictResolution.getConflictResolver().detectConflicts(FACTS_CHANGED);
        if (appliedRequests.alreadyApplied(command.getMetaData())) {
            return new CommandOutcome(incidentId, version, true);
        }
        if (exerciseId != null) {
            exercises.requireRunning(exerciseId);
        }
        return chain.proceed();
    }

    @CommandHandler
    CommandOutcome handle(RecordAssessmentCommand command) {
        requireOpen();
        if (command.exposedData().contains(ExposedDataItem.MEDICAL_RECORD) && !command.medicalDataExposed()) {
            throw new InvalidRequestException(
                    "medicalDataExposed", "must be true when exposedData contains MEDICAL_RECORD");
        }
        record(command.assessed(region));
        if (status == IncidentStatus.REPORTED) {
            record(new IncidentStatusChangedEvent(
                    incidentId,
                    region,
                    IncidentStatus.REPORTED,
                    IncidentStatus.ASSESSING,
                    "Première évaluation enregistrée"));
        }
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(RecordContainmentActionCommand command) {
        requireOpen();
        record(new ContainmentActionRecordedEvent(incidentId, region, command.action(), command.description()));
        return outcome();
    }

    /** Records a notification to an authority, as {@link NotificationRules} allow it. */
    @CommandHandler
    CommandOutcome handle(RecordAuthorityNotificationCommand command, IncidentObligations obligations) {
        requireOpen();
        NotificationRules.check(command, obligationFacts, obligations);
        record(command.notified(region));
        return outcome();
    }

    /**
     * Records the decision on telling the patients of a high-risk breach (GDPR art. 34) and, when done, how and when
     * they were told, as {@link PatientInformationRules} allow it.
     */
    @CommandHandler
    CommandOutcome handle(RecordPatientInformationCommand command, IncidentObligations obligations) {
        requireOpen();
        PatientInformationRules.check(command, obligationFacts, obligations);
        record(command.recorded(region));
        return outcome();
    }

    /**
     * Classifies the incident (ENISA taxonomy) and labels its details (TLP). The same classification again records
     * nothing. Closed incidents keep theirs.
     */
    @CommandHandler
    CommandOutcome handle(ClassifyIncidentCommand command) {
        requireOpen();
        IncidentClassifiedEvent classified = command.classified(region);
        if (!classified.equals(classification)) {
            record(classified);
        }
        return outcome();
    }

    /**
     * Records whether the incident is significant under NIS2 (art. 23(3)): SIGNIFICANT names the criteria met,
     * NOT_SIGNIFICANT the reason. Refused where NIS2 does not apply to the incident's entity: no decision is owed.
     */
    @CommandHandler
    CommandOutcome handle(RecordNis2SignificanceCommand command, IncidentObligations obligations) {
        requireOpen();
        if (!obligations.effective(obligationFacts).nis2InForce()) {
            throw new IncidentRuleViolation("NIS2 does not apply to this incident's entity (" + region.code() + ", "
                    + obligationFacts.effectiveEntity() + ") by the terms in force when it was reported: no"
                    + " significance decision is owed.");
        }
        record(command.decided(region));
        return outcome();
    }

    /**
     * Records the decision on notifying the CNIL (GDPR art. 33(1)) and when the agency became aware of the breach
     * ({@code breachAwareAt}, the incident's awareness when absent): NOT_REQUIRED needs its reason.
     */
    @CommandHandler
    CommandOutcome handle(RecordCnilDecisionCommand command) {
        requireOpen();
        DecisionRules.checkCnilDecision(command, obligationFacts);
        record(command.decided(region));
        return outcome();
    }

    /** Records ANSSI's request for an intermediate report (NIS2 art. 23(4)(c)), due when ANSSI said. */
    @CommandHandler
    CommandOutcome handle(RecordIntermediateReportRequestCommand command) {
        requireOpen();
        DecisionRules.checkIntermediateRequest(command, obligationFacts);
        record(command.requested(region));
        return outcome();
    }

    /** Records an observable of the incident, as {@link ObservableRules} allow it. */
    @CommandHandler
    CommandOutcome handle(RecordObservableCommand command) {
        requireOpen();
        TlpLabel tlp = classification == null ? TlpLabel.DEFAULT : classification.tlp();
        record(observables.recorded(command, region, tlp));
        return outcome();
    }

    /** Withdraws an observable (a false positive), with the reason: its record stays. */
    @CommandHandler
    CommandOutcome handle(WithdrawObservableCommand command) {
        requireOpen();
        record(observables.withdrawn(command, region));
        return outcome();
    }

    /**
     * Records one reminder per obligation that is DUE_SOON or OVERDUE at the command's instant, each stage once: a
     * command repeated (a restart, another instance's sweep) records nothing more, and an obligation found already
     * overdue skips its DUE_SOON reminder. A closed incident is reminded of nothing. Returns how many were recorded.
     */
    @CommandHandler
    int handle(RemindObligationsCommand command, IncidentObligations obligations) {
        if (!status.isOpen()) {
            return 0;
        }
        List<ObligationReminderRecordedEvent> due =
                reminders.due(incidentId, region, obligations.clocks(obligationFacts, command.at()));
        due.forEach(this::record);
        return due.size();
    }

    /**
     * Moves the incident along its lifecycle. Closing it while an obligation is still to meet (its clock PENDING,
     * DUE_SOON or OVERDUE at the command's instant) needs a waiver naming that obligation with a reason: the waivers
     * are recorded with the closure, and their clocks then show WAIVED. A waiver of anything else is refused.
     */
    @CommandHandler
    CommandOutcome handle(ChangeIncidentStatusCommand command, IncidentObligations obligations) {
        List<ObligationWaiver> waived = IncidentLifecycle.waiversOfMove(status, command, () -> {
            ObligationFacts facts = obligations.effective(obligationFacts);
            return obligations.policyFor(facts).unmet(facts, command.at());
        });
        record(new IncidentStatusChangedEvent(incidentId, region, status, command.status(), command.reason(), waived));
        return outcome();
    }

    /** Applies an event of this incident, marked with its exercise when it is one's. */
    private void record(Object event) {
        apply(event, MetaData.from(ExerciseTag.metaData(exerciseId)));
    }

    private void requireOpen() {
        if (!status.isOpen()) {
            throw new IncidentRuleViolation("The incident is closed; its record can no longer change.");
        }
    }

    private CommandOutcome outcome() {
        return new CommandOutcome(incidentId, version, false);
    }

    /**
     * Rebuilds the state the rules need from every event of the incident: the obligation facts through their one
     * fold, the rest by kind, and who applied which request.
     */
    @EventSourcingHandler
    void on(IncidentEvent event, DomainEventMessage<?> message) {
        obligationFacts = obligationFacts.with(
                event,
                new ObligationFacts.Recorded(
                        message.getIdentifier(), message.getSequenceNumber(), message.getTimestamp()));
        if (event instanceof IncidentReportedEvent e) {
            incidentId = e.incidentId();
            region = e.region();
            exerciseId = e.exerciseId();
            status = IncidentStatus.REPORTED;
        } else if (event instanceof IncidentStatusChangedEvent e) {
            status = e.to();
        } else if (event instanceof IncidentClassifiedEvent e) {
            classification = e;
        } else if (event instanceof ObligationReminderRecordedEvent e) {
            reminders.record(e);
        } else if (event instanceof ObservableRecordedEvent e) {
            observables.record(e);
        } else if (event instanceof ObservableWithdrawnEvent e) {
            observables.record(e);
        }
        version = message.getSequenceNumber();
        appliedRequests.record(message.getMetaData());
    }
}
