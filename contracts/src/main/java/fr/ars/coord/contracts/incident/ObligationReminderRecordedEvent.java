package fr.ars.coord.contracts.incident;

import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The region's staff were reminded of an obligation of the incident that became {@code DUE_SOON} or {@code OVERDUE}
 * (and, when overdue, the national cell): recorded once per obligation and stage, whatever the restarts or the number
 * of instances; the channels then deliver it once per target.
 */
@Revision("1")
public record ObligationReminderRecordedEvent(
        String incidentId, Region region, ObligationCode code, ReminderStage stage, Instant startedAt, Instant dueAt)
        implements IncidentEvent {}
