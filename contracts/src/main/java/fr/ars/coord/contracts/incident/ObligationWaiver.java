package fr.ars.coord.contracts.incident;

import java.util.Objects;

/**
 * An obligation the incident was closed without meeting, and why: recorded with the closure
 * ({@link IncidentStatusChangedEvent#waivers()}), by whoever closed it (the event's metadata). Its clock then shows
 * {@link RegulatoryClock.ClockStatus#WAIVED} with this reason.
 */
public record ObligationWaiver(ObligationCode code, String reason) {

    public ObligationWaiver {
        Objects.requireNonNull(code, "code");
    }
}
