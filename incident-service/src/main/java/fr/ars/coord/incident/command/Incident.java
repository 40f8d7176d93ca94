package fr.ars.coord.incident.command;

import fr.ars.coord.contracts.region.Region;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.incident.AuthorityNotifiedEvent;
import fr.ars.coord.contracts.incident.ContainmentActionRecordedEvent;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentAssessedEvent;
import fr.ars.coord.contracts.incident.IncidentReportedEvent;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.IncidentStatusChangedEvent;
import fr.ars.coord.platform.command.RequestMetadata;
import fr.ars.coord.platform.rules.IdempotencyKeyReusedException;
import fr.ars.coord.platform.rules.InvalidRequestException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
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

    @AggregateIdentifier
    private String incidentId;
    private Region region;
    private Instant awareAt;
    private IncidentStatus status;
    private long version;
    /** Fingerprint of each request applied with an {@code Idempotency-Key}, by caller and key. */
    private final Map<String, String> appliedRequests = new HashMap<>();

    Incident() {
        // rebuilt from events
    }

    @CommandHandler
    Incident(ReportIncidentCommand command) {
        apply(new IncidentReportedEvent(command.incidentId(), command.region(), command.title(), command.summary(),
                command.awareAt(), command.attackVector(), command.operationalImpact()));
    }

    @CommandHandler
    CommandOutcome handle(RecordAssessmentCommand command,
                          @MetaDataValue(SUBJECT) String subject, @MetaDataValue(IDEMPOTENCY_KEY) String idempotencyKey,
                          @MetaDataValue(FINGERPRINT) String fingerprint) {
        if (alreadyApplied(subject, idempotencyKey, fingerprint)) {
            return replayed();
        }
        requireOpen();
        if (command.exposedData().contains(ExposedDataItem.MEDICAL_RECORD) && !command.medicalDataExposed()) {
            throw new InvalidRequestException("medicalDataExposed",
                    "must be true when exposedData contains MEDICAL_RECORD");
        }
        apply(new IncidentAssessedEvent(incidentId, region, command.exposedData(), command.medicalDataExposed(),
                command.estimatedPatients(), command.affectedSystems(), command.note()));
        if (status == IncidentStatus.REPORTED) {
            apply(new IncidentStatusChangedEvent(incidentId, region, IncidentStatus.REPORTED,
                    IncidentStatus.ASSESSING, "Première évaluation enregistrée"));
        }
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(RecordContainmentActionCommand command,
                          @MetaDataValue(SUBJECT) String subject, @MetaDataValue(IDEMPOTENCY_KEY) String idempotencyKey,
                          @MetaDataValue(FINGERPRINT) String fingerprint) {
        if (alreadyApplied(subject, idempotencyKey, fingerprint)) {
            return replayed();
        }
        requireOpen();
        apply(new ContainmentActionRecordedEvent(incidentId, region, command.action(), command.description()));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(RecordAuthorityNotificationCommand command,
                          @MetaDataValue(SUBJECT) String subject, @MetaDataValue(IDEMPOTENCY_KEY) String idempotencyKey,
                          @MetaDataValue(FINGERPRINT) String fingerprint) {
        if (alreadyApplied(subject, idempotencyKey, fingerprint)) {
            return replayed();
        }
        requireOpen();
        if (command.notifiedAt().isBefore(awareAt)) {
            throw new InvalidRequestException("notifiedAt",
                    "must not be before the incident's awareAt (" + awareAt + ")");
        }
        apply(new AuthorityNotifiedEvent(incidentId, region, command.authority(), command.notifiedAt(),
                command.reference()));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(ChangeIncidentStatusCommand command,
                          @MetaDataValue(SUBJECT) String subject, @MetaDataValue(IDEMPOTENCY_KEY) String idempotencyKey,
                          @MetaDataValue(FINGERPRINT) String fingerprint) {
        if (alreadyApplied(subject, idempotencyKey, fingerprint)) {
            return replayed();
        }
        if (command.status() == status) {
            throw new IncidentRuleViolation("The incident is already " + status + ".");
        }
        if (!IncidentLifecycle.allows(status, command.status())) {
            throw new IncidentRuleViolation(
                    "An incident cannot move from " + status + " to " + command.status() + ".");
        }
        apply(new IncidentStatusChangedEvent(incidentId, region, status, command.status(), command.reason()));
        return outcome();
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

    @EventSourcingHandler
    void on(IncidentReportedEvent event, @SequenceNumber long sequence,
            @MetaDataValue(SUBJECT) String subject, @MetaDataValue(IDEMPOTENCY_KEY) String idempotencyKey,
            @MetaDataValue(FINGERPRINT) String fingerprint) {
        incidentId = event.incidentId();
        region = event.region();
        awareAt = event.awareAt();
        status = IncidentStatus.REPORTED;
        recorded(sequence, subject, idempotencyKey, fingerprint);
    }

    @EventSourcingHandler
    void on(IncidentAssessedEvent event, @SequenceNumber long sequence,
            @MetaDataValue(SUBJECT) String subject, @MetaDataValue(IDEMPOTENCY_KEY) String idempotencyKey,
            @MetaDataValue(FINGERPRINT) String fingerprint) {
        recorded(sequence, subject, idempotencyKey, fingerprint);
    }

    @EventSourcingHandler
    void on(ContainmentActionRecordedEvent event, @SequenceNumber long sequence,
            @MetaDataValue(SUBJECT) String subject, @MetaDataValue(IDEMPOTENCY_KEY) String idempotencyKey,
            @MetaDataValue(FINGERPRINT) String fingerprint) {
        recorded(sequence, subject, idempotencyKey, fingerprint);
    }

    @EventSourcingHandler
    void on(AuthorityNotifiedEvent event, @SequenceNumber long sequence,
            @MetaDataValue(SUBJECT) String subject, @MetaDataValue(IDEMPOTENCY_KEY) String idempotencyKey,
            @MetaDataValue(FINGERPRINT) String fingerprint) {
        recorded(sequence, subject, idempotencyKey, fingerprint);
    }

    @EventSourcingHandler
    void on(IncidentStatusChangedEvent event, @SequenceNumber long sequence,
            @MetaDataValue(SUBJECT) String subject, @MetaDataValue(IDEMPOTENCY_KEY) String idempotencyKey,
            @MetaDataValue(FINGERPRINT) String fingerprint) {
        status = event.to();
        recorded(sequence, subject, idempotencyKey, fingerprint);
    }
}
