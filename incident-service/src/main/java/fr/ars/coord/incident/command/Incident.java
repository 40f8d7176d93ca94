package fr.ars.coord.incident.command;

import fr.ars.coord.contracts.region.Region;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.incident.Authority;
import fr.ars.coord.contracts.incident.CnilDecision;
import fr.ars.coord.contracts.incident.CnilNotificationDecidedEvent;
import fr.ars.coord.contracts.incident.IncidentEvent;
import fr.ars.coord.contracts.incident.Nis2IntermediateReportRequestedEvent;
import fr.ars.coord.contracts.incident.Nis2Significance;
import fr.ars.coord.contracts.incident.Nis2SignificanceAssessedEvent;
import fr.ars.coord.contracts.incident.SignificanceCriterion;
import fr.ars.coord.contracts.incident.AuthorityNotifiedEvent;
import fr.ars.coord.contracts.incident.NotificationKind;
import fr.ars.coord.contracts.incident.ObligationCode;
import fr.ars.coord.contracts.incident.ObligationFacts;
import fr.ars.coord.contracts.incident.ObligationWaiver;
import fr.ars.coord.contracts.incident.PatientInformationChannel;
import fr.ars.coord.contracts.incident.PatientInformationDecision;
import fr.ars.coord.contracts.incident.PatientInformationRecordedEvent;
import fr.ars.coord.contracts.incident.ObligationReminderRecordedEvent;
import fr.ars.coord.contracts.incident.RegulatoryClock;
import fr.ars.coord.contracts.incident.ReminderStage;
import fr.ars.coord.contracts.incident.TaxonomyClass;
import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.platform.obligation.IncidentObligations;
import fr.ars.coord.contracts.incident.ContainmentActionRecordedEvent;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentAssessedEvent;
import fr.ars.coord.contracts.incident.IncidentClassifiedEvent;
import fr.ars.coord.contracts.incident.IncidentReportedEvent;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.IncidentStatusChangedEvent;
import fr.ars.coord.platform.command.RequestMetadata;
import fr.ars.coord.platform.rules.IdempotencyKeyReusedException;
import fr.ars.coord.platform.rules.InvalidRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.eventsourcing.conflictresolution.Conflicts;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One region's incident. Command handlers check the rules and apply events; event sourcing handlers only
 * rebuild the state those rules need. A command carrying an {@code Idempotency-Key} already applied to this
 * incident changes nothing and reports the current version.
 */
@Aggregate(cache = "incidentCache")
class Incident {

    private static final String IDEMPOTENCY_KEY = RequestMetadata.IDEMPOTENCY_KEY;
    private static final String FINGERPRINT = RequestMetadata.REQUEST_FINGERPRINT;
    private static final String SUBJECT = Actor.SUBJECT;
    /**
     * What makes a client's {@code If-Match} version stale: facts recorded since it read them. Reminders the platform
     * recorded meanwhile change no fact, so they do not make the client read again.
     */
    private static final Predicate<List<DomainEventMessage<?>>> FACTS_CHANGED =
            Conflicts.payloadMatching(payload -> !(payload instanceof ObligationReminderRecordedEvent));

    @AggregateIdentifier
    private String incidentId;
    private Region region;
    private Instant awareAt;
    private IncidentStatus status;
    private long version;
    /** What the legal obligations depend on, as recorded: the one fold every reader of the clocks shares. */
    private ObligationFacts obligationFacts = ObligationFacts.NONE;
    /** The latest classification, to leave the stream alone when the same one is sent again. */
    private TaxonomyClass taxonomyClass;
    private List<TaxonomyClass> relatedClasses = List.of();
    private TlpLabel tlp = TlpLabel.DEFAULT;
    private boolean classified;
    /** The reminders recorded, by obligation: each stage once. */
    private final Map<ObligationCode, EnumSet<ReminderStage>> reminders = new HashMap<>();
    /** Fingerprint of each request applied with an {@code Idempotency-Key}, by caller and key. */
    private final Map<String, String> appliedRequests = new HashMap<>();

    Incident() {
        // rebuilt from events
    }

    @CommandHandler
    Incident(ReportIncidentCommand command) {
        apply(new IncidentReportedEvent(command.incidentId(), command.region(), command.title(), command.summary(),
                command.awareAt(), command.attackVector(), command.operationalImpact(), command.entity(),
                command.terms()));
    }

    @CommandHandler
    CommandOutcome handle(RecordAssessmentCommand command, ConflictResolver conflicts,
                          @MetaDataValue(SUBJECT) String subject, @MetaDataValue(IDEMPOTENCY_KEY) String idempotencyKey,
                          @MetaDataValue(FINGERPRINT) String fingerprint) {
        conflicts.detectConflicts(FACTS_CHANGED);
        if (alreadyApplied(subject, idempotencyKey, fingerprint)) {
            return replayed();
        }
        requireOpen();
        if (command.exposedData().contains(ExposedDataItem.MEDICAL_RECORD) && !command.medicalDataExposed()) {
            throw new InvalidRequestException("medicalDataExposed",
                    "must be true when exposedData contains MEDICAL_RECORD");
        }
        apply(new IncidentAssessedEvent(incidentId, region, command.exposedData(), command.medicalDataExposed(),
                command.estimatedPatients(), command.affectedSystems(), command.note(), command.highRisk(),
                command.estimatedRecords(), command.breachTypes(), command.dataSubjects()));
        if (status == IncidentStatus.REPORTED) {
            apply(new IncidentStatusChangedEvent(incidentId, region, IncidentStatus.REPORTED,
                    IncidentStatus.ASSESSING, "Première évaluation enregistrée"));
        }
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(RecordContainmentActionCommand command, ConflictResolver conflicts,
                          @MetaDataValue(SUBJECT) String subject, @MetaDataValue(IDEMPOTENCY_KEY) String idempotencyKey,
                          @MetaDataValue(FINGERPRINT) String fingerprint) {
        conflicts.detectConflicts(FACTS_CHANGED);
        if (alreadyApplied(subject, idempotencyKey, fingerprint)) {
            return replayed();
        }
        requireOpen();
        apply(new ContainmentActionRecordedEvent(incidentId, region, command.action(), command.description()));
        return outcome();
    }

    /**
     * Records a notification to an authority. One made after the due time of the obligation it meets must say why
     * ({@code lateReason}); one to ANSSI must say which NIS2 stage it is.
     */
    @CommandHandler
    CommandOutcome handle(RecordAuthorityNotificationCommand command, ConflictResolver conflicts, IncidentObligations obligations,
                          @MetaDataValue(SUBJECT) String subject, @MetaDataValue(IDEMPOTENCY_KEY) String idempotencyKey,
                          @MetaDataValue(FINGERPRINT) String fingerprint) {
        conflicts.detectConflicts(FACTS_CHANGED);
        if (alreadyApplied(subject, idempotencyKey, fingerprint)) {
            return replayed();
        }
        requireOpen();
        if (command.authority() == Authority.PATIENTS) {
            throw new InvalidRequestException("authority",
                    "the patients are not an authority: record their information with /patient-information");
        }
        if (command.authority() == Authority.ANSSI && command.kind() == null) {
            throw new InvalidRequestException("kind", "is required for ANSSI: EARLY_WARNING, NOTIFICATION,"
                    + " INTERMEDIATE_REPORT or FINAL_REPORT");
        }
        requireNotBeforeAwareness("notifiedAt", command.notifiedAt());
        NotificationKind kind = command.kind() != null ? command.kind() : NotificationKind.implied(command.authority());
        if (kind == NotificationKind.PROGRESS_REPORT && command.authority() != Authority.ANSSI) {
            throw new InvalidRequestException("kind", "PROGRESS_REPORT is a NIS2 report to ANSSI (art. 23(4)(e))");
        }
        if (kind == NotificationKind.SUPPLEMENTARY && obligationFacts.notifications().stream()
                .noneMatch(n -> n.authority() == command.authority() && n.kind() != NotificationKind.SUPPLEMENTARY)) {
            throw new InvalidRequestException("kind", "SUPPLEMENTARY completes an earlier notification (GDPR art."
                    + " 33(4)): none to " + command.authority() + " is recorded yet");
        }
        ObligationFacts facts = obligations.effective(obligationFacts);
        obligations.policyFor(facts).dueOfUnmet(command.authority(), kind, command.notifiedAt(), facts)
                .filter(due -> command.notifiedAt().isAfter(due) && isBlank(command.lateReason()))
                .ifPresent(due -> {
                    throw new InvalidRequestException("lateReason",
                            "is required: this notification comes after its due time (" + due + ")");
                });
        apply(new AuthorityNotifiedEvent(incidentId, region, command.authority(), command.notifiedAt(),
                command.reference(), command.kind(), blankToNull(command.lateReason())));
        return outcome();
    }

    /**
     * Records the decision on telling the patients of a high-risk breach (GDPR art. 34) and, when done, how and when
     * they were told. Deciding they need not be told, or telling them after the due time, needs a reason.
     */
    @CommandHandler
    CommandOutcome handle(RecordPatientInformationCommand command, ConflictResolver conflicts, IncidentObligations obligations,
                          @MetaDataValue(SUBJECT) String subject, @MetaDataValue(IDEMPOTENCY_KEY) String idempotencyKey,
                          @MetaDataValue(FINGERPRINT) String fingerprint) {
        conflicts.detectConflicts(FACTS_CHANGED);
        if (alreadyApplied(subject, idempotencyKey, fingerprint)) {
            return replayed();
        }
        requireOpen();
        boolean required = command.decision() == PatientInformationDecision.REQUIRED;
        if (!required && isBlank(command.reason())) {
            throw new InvalidRequestException("reason", "is required when the decision is NOT_REQUIRED (the"
                    + " exemption of GDPR art. 34(3) that applies)");
        }
        if (!required && (command.informedAt() != null || command.channel() != null)) {
            throw new InvalidRequestException(command.informedAt() != null ? "informedAt" : "channel",
                    "must be absent when the decision is NOT_REQUIRED");
        }
        if (command.informedAt() != null) {
            if (command.channel() == null) {
                throw new InvalidRequestException("channel", "is required with informedAt");
            }
            requireNotBeforeAwareness("informedAt", command.informedAt());
            ObligationFacts facts = obligations.effective(obligationFacts);
            RegulatoryClock clock = obligations.policyFor(facts).clock(ObligationCode.PATIENT_INFORMATION, facts,
                    command.informedAt());
            if (clock.dueAt() != null && command.informedAt().isAfter(clock.dueAt()) && isBlank(command.reason())) {
                throw new InvalidRequestException("reason",
                        "is required: the patients are told after the due time (" + clock.dueAt() + ")");
            }
        }
        if (command.communiqueId() != null && command.channel() != PatientInformationChannel.PUBLIC_COMMUNICATION) {
            throw new InvalidRequestException("communiqueId", "names the public communication: channel must be"
                    + " PUBLIC_COMMUNICATION");
        }
        apply(new PatientInformationRecordedEvent(incidentId, region, command.decision(), blankToNull(command.reason()),
                command.channel(), command.informedAt(), command.patientsInformed(), command.communiqueId()));
        return outcome();
    }

    /**
     * Classifies the incident (ENISA taxonomy) and labels its details (TLP). The same classification again records
     * nothing. Closed incidents keep theirs.
     */
    @CommandHandler
    CommandOutcome handle(ClassifyIncidentCommand command, ConflictResolver conflicts,
                          @MetaDataValue(SUBJECT) String subject, @MetaDataValue(IDEMPOTENCY_KEY) String idempotencyKey,
                          @MetaDataValue(FINGERPRINT) String fingerprint) {
        conflicts.detectConflicts(FACTS_CHANGED);
        if (alreadyApplied(subject, idempotencyKey, fingerprint)) {
            return replayed();
        }
        requireOpen();
        List<TaxonomyClass> related = command.relatedClasses().stream()
                .filter(c -> c != command.taxonomyClass()).distinct().toList();
        if (classified && command.taxonomyClass() == taxonomyClass && related.equals(relatedClasses)
                && command.tlp() == tlp) {
            return outcome();
        }
        apply(new IncidentClassifiedEvent(incidentId, region, command.taxonomyClass(), related, command.tlp()));
        return outcome();
    }

    /**
     * Records whether the incident is significant under NIS2 (art. 23(3)): SIGNIFICANT names the criteria met,
     * NOT_SIGNIFICANT the reason. Refused where NIS2 does not apply to the incident's entity: no decision is owed.
     */
    @CommandHandler
    CommandOutcome handle(RecordNis2SignificanceCommand command, ConflictResolver conflicts,
                          IncidentObligations obligations,
                          @MetaDataValue(SUBJECT) String subject, @MetaDataValue(IDEMPOTENCY_KEY) String idempotencyKey,
                          @MetaDataValue(FINGERPRINT) String fingerprint) {
        conflicts.detectConflicts(FACTS_CHANGED);
        if (alreadyApplied(subject, idempotencyKey, fingerprint)) {
            return replayed();
        }
        requireOpen();
        if (!obligations.effective(obligationFacts).nis2InForce()) {
            throw new IncidentRuleViolation("NIS2 does not apply to this incident's entity (" + region.code() + ", "
                    + obligationFacts.effectiveEntity() + ") by the terms in force when it was reported: no"
                    + " significance decision is owed.");
        }
        List<SignificanceCriterion> criteria = command.criteria().stream().distinct().toList();
        if (command.significance() == Nis2Significance.SIGNIFICANT && criteria.isEmpty()) {
            throw new InvalidRequestException("criteria", "must name at least one criterion of NIS2 art. 23(3) when"
                    + " the incident is SIGNIFICANT");
        }
        if (command.significance() == Nis2Significance.NOT_SIGNIFICANT && isBlank(command.reason())) {
            throw new InvalidRequestException("reason", "is required when the incident is NOT_SIGNIFICANT");
        }
        apply(new Nis2SignificanceAssessedEvent(incidentId, region, command.significance(),
                command.significance() == Nis2Significance.SIGNIFICANT ? criteria : List.of(),
                blankToNull(command.reason())));
        return outcome();
    }

    /**
     * Records the decision on notifying the CNIL (GDPR art. 33(1)) and when the agency became aware of the breach
     * ({@code breachAwareAt}, the incident's awareness when absent): NOT_REQUIRED needs its reason.
     */
    @CommandHandler
    CommandOutcome handle(RecordCnilDecisionCommand command, ConflictResolver conflicts,
                          @MetaDataValue(SUBJECT) String subject, @MetaDataValue(IDEMPOTENCY_KEY) String idempotencyKey,
                          @MetaDataValue(FINGERPRINT) String fingerprint) {
        conflicts.detectConflicts(FACTS_CHANGED);
        if (alreadyApplied(subject, idempotencyKey, fingerprint)) {
            return replayed();
        }
        requireOpen();
        if (command.decision() == CnilDecision.NOT_REQUIRED && isBlank(command.reason())) {
            throw new InvalidRequestException("reason", "is required when the decision is NOT_REQUIRED (why the"
                    + " breach is unlikely to result in a risk to people's rights and freedoms, art. 33(1))");
        }
        if (command.breachAwareAt() != null) {
            requireNotBeforeAwareness("breachAwareAt", command.breachAwareAt());
        }
        apply(new CnilNotificationDecidedEvent(incidentId, region, command.decision(), blankToNull(command.reason()),
                command.breachAwareAt()));
        return outcome();
    }

    /** Records ANSSI's request for an intermediate report (NIS2 art. 23(4)(c)), due when ANSSI said. */
    @CommandHandler
    CommandOutcome handle(RecordIntermediateReportRequestCommand command, ConflictResolver conflicts,
                          @MetaDataValue(SUBJECT) String subject, @MetaDataValue(IDEMPOTENCY_KEY) String idempotencyKey,
                          @MetaDataValue(FINGERPRINT) String fingerprint) {
        conflicts.detectConflicts(FACTS_CHANGED);
        if (alreadyApplied(subject, idempotencyKey, fingerprint)) {
            return replayed();
        }
        requireOpen();
        requireNotBeforeAwareness("requestedAt", command.requestedAt());
        if (!command.dueAt().isAfter(command.requestedAt())) {
            throw new InvalidRequestException("dueAt", "must be after requestedAt");
        }
        apply(new Nis2IntermediateReportRequestedEvent(incidentId, region, command.requestedAt(), command.dueAt(),
                blankToNull(command.reference())));
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
        int recorded = 0;
        for (RegulatoryClock clock : obligations.clocks(obligationFacts, command.at())) {
            ReminderStage stage = switch (clock.status()) {
                case DUE_SOON -> ReminderStage.DUE_SOON;
                case OVERDUE -> ReminderStage.OVERDUE;
                default -> null;
            };
            EnumSet<ReminderStage> done = reminders.getOrDefault(clock.code(), EnumSet.noneOf(ReminderStage.class));
            if (stage == null || done.contains(stage) || done.contains(ReminderStage.OVERDUE)) {
                continue;
            }
            apply(new ObligationReminderRecordedEvent(incidentId, region, clock.code(), stage, clock.startedAt(),
                    clock.dueAt()));
            recorded++;
        }
        return recorded;
    }

    /**
     * Moves the incident along its lifecycle. Closing it while an obligation is still to meet (its clock PENDING,
     * DUE_SOON or OVERDUE at the command's instant) needs a waiver naming that obligation with a reason: the waivers
     * are recorded with the closure, and their clocks then show WAIVED. A waiver of anything else is refused.
     */
    @CommandHandler
    CommandOutcome handle(ChangeIncidentStatusCommand command, ConflictResolver conflicts,
                          IncidentObligations obligations,
                          @MetaDataValue(SUBJECT) String subject, @MetaDataValue(IDEMPOTENCY_KEY) String idempotencyKey,
                          @MetaDataValue(FINGERPRINT) String fingerprint) {
        conflicts.detectConflicts(FACTS_CHANGED);
        if (alreadyApplied(subject, idempotencyKey, fingerprint)) {
            return replayed();
        }
        if (!command.waivers().isEmpty() && command.status() != IncidentStatus.CLOSED) {
            throw new InvalidRequestException("waivers", "are only accepted when closing the incident (status"
                    + " CLOSED)");
        }
        if (command.status() == status) {
            throw new IncidentRuleViolation("The incident is already " + status + ".");
        }
        if (!IncidentLifecycle.allows(status, command.status())) {
            throw new IncidentRuleViolation(
                    "An incident cannot move from " + status + " to " + command.status() + ".");
        }
        List<ObligationWaiver> waived = command.status() == IncidentStatus.CLOSED
                ? closingWaivers(command.waivers(), unmet(obligations, command.at()))
                : List.of();
        apply(new IncidentStatusChangedEvent(incidentId, region, status, command.status(), command.reason(), waived));
        return outcome();
    }

    /**
     * The waivers of a closure, checked against the obligations still to meet: each names one of them, once, with a
     * reason, and together they name them all.
     */
    private static List<ObligationWaiver> closingWaivers(List<ObligationWaiver> waivers, List<ObligationCode> unmet) {
        List<ObligationWaiver> accepted = new ArrayList<>();
        EnumSet<ObligationCode> named = EnumSet.noneOf(ObligationCode.class);
        for (int i = 0; i < waivers.size(); i++) {
            ObligationWaiver waiver = waivers.get(i);
            String field = "waivers[" + i + "]";
            if (!named.add(waiver.code())) {
                throw new InvalidRequestException(field + ".code", "names " + waiver.code() + " twice");
            }
            if (!unmet.contains(waiver.code())) {
                throw new InvalidRequestException(field + ".code", waiver.code() + " is not an unmet obligation of"
                        + " this incident: only an obligation still to meet can be waived");
            }
            if (isBlank(waiver.reason())) {
                throw new InvalidRequestException(field + ".reason", "is required: why the incident is closed without"
                        + " meeting " + waiver.code());
            }
            accepted.add(new ObligationWaiver(waiver.code(), waiver.reason().strip()));
        }
        List<ObligationCode> missing = unmet.stream().filter(code -> !named.contains(code)).toList();
        if (!missing.isEmpty()) {
            throw new UnmetObligationsViolation(missing);
        }
        return accepted;
    }

    /**
     * True when this caller applied this key for the same request; the same caller reusing it for another request
     * is refused. Keys are the caller's own: another caller's identical key is another request.
     */
    private boolean alreadyApplied(String subject, String idempotencyKey, String fingerprint) {
        if (idempotencyKey == null || !appliedRequests.containsKey(requestKey(subject, idempotencyKey))) {
            return false;
        }
        if (!Objects.equals(appliedRequests.get(requestKey(subject, idempotencyKey)), fingerprint)) {
            throw new IdempotencyKeyReusedException();
        }
        return true;
    }

    private List<ObligationCode> unmet(IncidentObligations obligations, Instant at) {
        ObligationFacts facts = obligations.effective(obligationFacts);
        return obligations.policyFor(facts).unmet(facts, at);
    }

    /** Nothing about the incident happened before the agency became aware of it. */
    private void requireNotBeforeAwareness(String field, Instant at) {
        if (at.isBefore(awareAt)) {
            throw new InvalidRequestException(field, "must not be before the incident's awareAt (" + awareAt + ")");
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return isBlank(text) ? null : text.strip();
    }

    private void requireOpen() {
        if (!status.isOpen()) {
            throw new IncidentRuleViolation("The incident is closed; its record can no longer change.");
        }
    }

    private CommandOutcome outcome() {
        return new CommandOutcome(incidentId, version, false);
    }

    private CommandOutcome replayed() {
        return new CommandOutcome(incidentId, version, true);
    }

    private void recorded(long sequence, String subject, String idempotencyKey, String fingerprint) {
        version = sequence;
        if (idempotencyKey != null) {
            appliedRequests.put(requestKey(subject, idempotencyKey), Objects.requireNonNullElse(fingerprint, ""));
        }
    }

    private static String requestKey(String subject, String idempotencyKey) {
        return subject + '\u0000' + idempotencyKey;
    }

    /**
     * Rebuilds the state the rules need from every event of the incident: the obligation facts through their one
     * fold, the rest by kind, and who applied which request.
     */
    @EventSourcingHandler
    void on(IncidentEvent event, DomainEventMessage<?> message) {
        obligationFacts = obligationFacts.with(event, new ObligationFacts.Recorded(message.getIdentifier(),
                message.getSequenceNumber(), message.getTimestamp()));
        if (event instanceof IncidentReportedEvent e) {
            incidentId = e.incidentId();
            region = e.region();
            awareAt = e.awareAt();
            status = IncidentStatus.REPORTED;
        } else if (event instanceof IncidentStatusChangedEvent e) {
            status = e.to();
        } else if (event instanceof IncidentClassifiedEvent e) {
            classified = true;
            taxonomyClass = e.taxonomyClass();
            relatedClasses = e.relatedClasses();
            tlp = e.tlp();
        } else if (event instanceof ObligationReminderRecordedEvent e) {
            reminders.computeIfAbsent(e.code(), c -> EnumSet.noneOf(ReminderStage.class)).add(e.stage());
        }
        Map<String, ?> metaData = message.getMetaData();
        recorded(message.getSequenceNumber(), text(metaData.get(SUBJECT)), text(metaData.get(IDEMPOTENCY_KEY)),
                text(metaData.get(FINGERPRINT)));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
