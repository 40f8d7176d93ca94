package fr.ars.coord.incident.reminder;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.incident.lifecycle.RemindObligationsCommand;
import fr.ars.coord.platform.command.IdempotentCommands;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every so often, asks each incident whose next reminder is due to record its reminders. The incident decides (each
 * obligation and stage once), so several instances sweeping at once, a sweep repeated after a restart or one working
 * from a schedule that lags behind the events record each reminder once. After asking, it rewrites the incident's
 * row from what was recorded, so an incident with nothing more to remind leaves the schedule at once.
 */
@Component
class ObligationReminderSweep {

    private static final Logger log = LoggerFactory.getLogger(ObligationReminderSweep.class);
    static final Actor SYSTEM = Actor.component("incident-service");

    private final ReminderSchedule schedule;
    private final IdempotentCommands commands;
    private final Clock clock;
    private final int batch;

    ObligationReminderSweep(
            ReminderSchedule schedule,
            IdempotentCommands commands,
            Clock clock,
            @Value("${ars.reminders.sweep-batch:500}") int batch) {
        this.schedule = schedule;
        this.commands = commands;
        this.clock = clock;
        this.batch = batch;
    }

    @Scheduled(
            fixedDelayString = "${ars.reminders.sweep-interval:PT30S}",
            initialDelayString = "${ars.reminders.sweep-interval:PT30S}")
    void sweep() {
        Instant now = clock.instant();
        for (String incidentId : schedule.due(now, batch)) {
            try {
                Integer recorded = commands.send(new RemindObligationsCommand(incidentId, now), SYSTEM);
                if (recorded != null && recorded > 0) {
                    log.info("incident {}: {} obligation reminder(s) recorded", incidentId, recorded);
                }
                schedule.refresh(incidentId, clock.instant());
            } catch (RuntimeException e) {
                // another instance recorded them first (a conflict on the stream), or the store is down: next sweep
                log.info("incident {}: reminders not recorded this time ({})", incidentId, e.toString());
            }
        }
    }
}
