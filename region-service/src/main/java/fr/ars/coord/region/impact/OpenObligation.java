package fr.ars.coord.region.impact;

import fr.ars.coord.contracts.incident.Authority;
import fr.ars.coord.contracts.incident.ObligationCode;
import fr.ars.coord.contracts.incident.RegulatoryClock;
import fr.ars.coord.contracts.region.Region;
import java.time.Duration;
import java.time.Instant;

/**
 * A legal obligation of an open incident, started and not met, as the national list shows it at {@code evaluatedAt}:
 * its status then, and the time left before its due time or how long it is overdue.
 *
 * @param timeLeft  ISO-8601 duration until the due time, null once overdue
 * @param overdueBy ISO-8601 duration since the due time, null before it
 */
public record OpenObligation(
        Region region,
        String regionName,
        String incidentId,
        ObligationCode code,
        Authority authority,
        String obligation,
        Instant startedAt,
        Instant dueAt,
        RegulatoryClock.ClockStatus status,
        String timeLeft,
        String overdueBy) {

    /** Soonest due first; ties by incident id, then obligation code (as the store's index reads them). */
    static final java.util.Comparator<OpenObligation> ORDER = java.util.Comparator.comparing(OpenObligation::dueAt)
            .thenComparing(OpenObligation::incidentId)
            .thenComparing(o -> o.code().name());

    static OpenObligation of(
            Region region,
            String incidentId,
            ObligationCode code,
            Instant startedAt,
            Instant dueAt,
            RegulatoryClock.ClockStatus status,
            Instant at) {
        Duration left = Duration.between(at, dueAt);
        boolean overdue = status == RegulatoryClock.ClockStatus.OVERDUE;
        return new OpenObligation(
                region,
                region.displayName(),
                incidentId,
                code,
                code.authority(),
                code.obligation(),
                startedAt,
                dueAt,
                status,
                overdue ? null : left.toString(),
                overdue ? left.negated().toString() : null);
    }
}
