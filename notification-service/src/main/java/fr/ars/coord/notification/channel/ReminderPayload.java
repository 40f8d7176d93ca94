package fr.ars.coord.notification.channel;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.contracts.delivery.ObligationReminder;
import fr.ars.coord.contracts.incident.Authority;
import fr.ars.coord.contracts.incident.ObligationCode;
import fr.ars.coord.contracts.incident.ReminderStage;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;

/**
 * What a webhook (or an e-mail) receives for one obligation reminder; the same delivery id on every retry.
 * {@code event} is {@code obligation.due-soon} or {@code obligation.overdue}; {@code escalated} is true when the
 * national cell is told too (overdue).
 */
public record ReminderPayload(String deliveryId, String event, Obligation obligation, boolean escalated) {

    public record Obligation(
            String incidentId,
            Region region,
            String regionName,
            ObligationCode code,
            Authority authority,
            String obligation,
            String legalBasis,
            ReminderStage stage,
            Instant startedAt,
            Instant dueAt,
            Instant remindedAt,
            String incidentUrl,
            @JsonInclude(JsonInclude.Include.NON_NULL) String exerciseId) {}

    public static ReminderPayload of(String deliveryId, ObligationReminder reminder, String publicBaseUrl) {
        return new ReminderPayload(
                deliveryId,
                reminder.stage().eventType(),
                new Obligation(
                        reminder.incidentId(),
                        reminder.region(),
                        reminder.region().displayName(),
                        reminder.code(),
                        reminder.code().authority(),
                        reminder.code().obligation(),
                        reminder.code().legalBasis(),
                        reminder.stage(),
                        reminder.startedAt(),
                        reminder.dueAt(),
                        reminder.remindedAt(),
                        publicBaseUrl + "/api/incidents/" + reminder.incidentId(),
                        reminder.exerciseId()),
                reminder.stage().escalated());
    }
}
