package fr.ars.coord.incident.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.ars.coord.contracts.incident.AuthorityNotifiedEvent;
import fr.ars.coord.contracts.incident.ContainmentActionRecordedEvent;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentAssessedEvent;
import fr.ars.coord.contracts.incident.IncidentReportedEvent;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.IncidentStatusChangedEvent;
import fr.ars.coord.platform.eventstore.EventStoreConfiguration;
import fr.ars.coord.platform.web.IdempotencyKeyReusedException;
import fr.ars.coord.platform.web.InvalidRequestException;
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

    private static final String IDEMPOTENCY_KEY = EventStoreConfiguration.IDEMPOTENCY_KEY;
    private static final String FINGERPRINT = EventStoreConfiguration.REQUEST_FINGERPRINT;

    @AggregateIdentifier
    private String incidentId;
    private String region;
    private IncidentStatus status;
    private long version;
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
    CommandOutcome handle(RecordAssessmentCommand command, @MetaDataValue(IDEMPOTENCY_KEY) String idempotencyKey,
                          @MetaDataValue(FINGERPRINT) String fingerprint) {
        if (alreadyApplied(idempotencyKey, fingerprint)) {
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
                          @MetaDataValue(IDEMPOTENCY_KEY) String idempotencyKey,
                          @MetaDataValue(FINGERPRINT) String fingerprint) {
        if (alreadyApplied(idempotencyKey, fingerprint)) {
            return replayed();
        }
        requireOpen();
        apply(new ContainmentActionRecordedEvent(incidentId, region, command.action(), command.description()));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(RecordAuthorityNotificationCommand command,
                          @MetaDataValue(IDEMPOTENCY_KEY) String idempotencyKey,
                          @MetaDataValue(FINGERPRINT) String fingerprint) {
        if (alreadyApplied(idempotencyKey, fingerprint)) {
            return replayed();
        }
        requireOpen();
        apply(new AuthorityNotifiedEvent(incidentId, region, command.authority(), command.notifiedAt(),
                command.reference()));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(ChangeIncidentStatusCommand command, @MetaDataValue(IDEMPOTENCY_KEY) String idempotencyKey,
                          @MetaDataValue(FINGERPRINT) String fingerprint) {
        if (alreadyApplied(idempotencyKey, fingerprint)) {
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

    /** True when this key was applied for the same request; a key reused for another request is refused. */
    private boolean alreadyApplied(String idempotencyKey, String fingerprint) {
        if (idempotencyKey == null || !appliedRequests.containsKey(idempotencyKey)) {
            return false;
        }
        if (!Objects.equals(appliedRequests.get(idempotencyKey), fingerprint)) {
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

    private void recorded(long sequence, String idempotencyKey, String fingerprint) {
        version = sequence;
        if (idempotencyKey != null) {
            appliedRequests.put(idempotencyKey, Objects.requireNonNullElse(fingerprint, ""));
        }
    }

    @EventSourcingHandler
    void on(IncidentReportedEvent event, @SequenceNumber long sequence,
            @MetaDataValue(IDEMPOTENCY_KEY) String idempotencyKey, @MetaDataValue(FINGERPRINT) String fingerprint) {
        incidentId = event.incidentId();
        region = event.region();
        status = IncidentStatus.REPORTED;
        recorded(sequence, idempotencyKey, fingerprint);
    }

    @EventSourcingHandler
    void on(IncidentAssessedEvent event, @SequenceNumber long sequence,
            @MetaDataValue(IDEMPOTENCY_KEY) String idempotencyKey, @MetaDataValue(FINGERPRINT) String fingerprint) {
        recorded(sequence, idempotencyKey, fingerprint);
    }

    @EventSourcingHandler
    void on(ContainmentActionRecordedEvent event, @SequenceNumber long sequence,
            @MetaDataValue(IDEMPOTENCY_KEY) String idempotencyKey, @MetaDataValue(FINGERPRINT) String fingerprint) {
        recorded(sequence, idempotencyKey, fingerprint);
    }

    @EventSourcingHandler
    void on(AuthorityNotifiedEvent event, @SequenceNumber long sequence,
            @MetaDataValue(IDEMPOTENCY_KEY) String idempotencyKey, @MetaDataValue(FINGERPRINT) String fingerprint) {
        recorded(sequence, idempotencyKey, fingerprint);
    }

    @EventSourcingHandler
    void on(IncidentStatusChangedEvent event, @SequenceNumber long sequence,
            @MetaDataValue(IDEMPOTENCY_KEY) String idempotencyKey, @MetaDataValue(FINGERPRINT) String fingerprint) {
        status = event.to();
        recorded(sequence, idempotencyKey, fingerprint);
    }
}
