package fr.ars.coord.contracts.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.contracts.incident.ObligationCode;
import fr.ars.coord.contracts.incident.ReminderStage;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;

/**
 * What a reminder delivery carries: the incident, its region, the obligation and the stage it reached, when its clock
 * started and when it is (or was) due, and when the reminder was recorded; the exercise the incident is in, absent for
 * a real crisis (and from every reminder recorded before exercises existed).
 */
public record ObligationReminder(
        String incidentId,
        Region region,
        ObligationCode code,
        ReminderStage stage,
        Instant startedAt,
        Instant dueAt,
        Instant remindedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String exerciseId) {

    /** The same reminder, whoever dispatches it: the key its deliveries derive their ids from. */
    public String key() {
        return incidentId + "|" + code + "|" + stage;
    }
}
