package fr.ars.coord.incident.reminder;

import fr.ars.coord.contracts.incident.IncidentEvent;
import fr.ars.coord.platform.readmodel.BatchBuffer;
import java.time.Clock;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link ReminderSchedule} up to date: every incident event rewrites its incident's row, once per batch,
 * from the incident's current view. Idempotent: a replayed or repeated event rewrites the same row.
 */
@Component
@ProcessingGroup(ReminderScheduleProjection.PROCESSING_GROUP)
class ReminderScheduleProjection {

    static final String PROCESSING_GROUP = "obligation-reminders";

    private final ReminderSchedule schedule;
    private final Clock clock;
    private final BatchBuffer<String, Boolean> touched;

    ReminderScheduleProjection(ReminderSchedule schedule, Clock clock) {
        this.schedule = schedule;
        this.clock = clock;
        this.touched = new BatchBuffer<>(
                PROCESSING_GROUP, incidents -> incidents.keySet().forEach(id -> schedule.refresh(id, clock.instant())));
    }

    @EventHandler
    void on(IncidentEvent event) {
        touched.pending().put(event.incidentId(), Boolean.TRUE);
    }

    @ResetHandler
    void reset() {
        schedule.clear();
    }
}
