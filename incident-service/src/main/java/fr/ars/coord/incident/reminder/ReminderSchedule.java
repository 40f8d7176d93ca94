package fr.ars.coord.incident.reminder;

import fr.ars.coord.contracts.incident.ObligationCode;
import fr.ars.coord.contracts.incident.ObligationPolicy;
import fr.ars.coord.contracts.incident.ReminderStage;
import fr.ars.coord.incident.view.IncidentStreams;
import fr.ars.coord.incident.view.IncidentView;
import fr.ars.coord.platform.obligation.IncidentObligations;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When each open incident next has an obligation to remind, in PostgreSQL ({@code obligation_reminder_schedule}):
 * what the reminder sweep reads to find the incidents whose time has come, without reading every incident. Each row
 * is computed from the incident's current view, so writing it twice, late or out of order gives the same row.
 */
@Component
class ReminderSchedule {

    private final JdbcTemplate jdbc;
    private final IncidentStreams streams;
    private final IncidentObligations obligations;

    ReminderSchedule(JdbcTemplate jdbc, IncidentStreams streams, IncidentObligations obligations) {
        this.jdbc = jdbc;
        this.streams = streams;
        this.obligations = obligations;
    }

    /** Writes (or removes) the incident's row from its view now. */
    void refresh(String incidentId, Instant now) {
        Optional<Instant> next = streams.currentView(incidentId, now).flatMap(this::nextReminder);
        if (next.isEmpty()) {
            jdbc.update("DELETE FROM obligation_reminder_schedule WHERE incident_id = ?", incidentId);
        } else {
            jdbc.update(
                    "INSERT INTO obligation_reminder_schedule (incident_id, next_at) VALUES (?, ?) "
                            + "ON CONFLICT (incident_id) DO UPDATE SET next_at = EXCLUDED.next_at",
                    incidentId,
                    Timestamp.from(next.get()));
        }
    }

    /** The incidents whose next reminder is due at {@code now}, soonest first. */
    List<String> due(Instant now, int limit) {
        return jdbc.queryForList(
                "SELECT incident_id FROM obligation_reminder_schedule WHERE next_at <= ? "
                        + "ORDER BY next_at, incident_id LIMIT ?",
                String.class,
                Timestamp.from(now),
                limit);
    }

    void clear() {
        jdbc.update("DELETE FROM obligation_reminder_schedule");
    }

    /**
     * The earliest instant an obligation still to meet needs a reminder it has not had: when it becomes DUE_SOON,
     * or (reminded of that, or never) just after its due time. Rounded up to the microsecond the column keeps, so
     * the sweep never comes before the change it is waiting for.
     */
    Optional<Instant> nextReminder(IncidentView view) {
        if (!view.status().isOpen()) {
            return Optional.empty();
        }
        Set<String> done =
                view.reminders().stream().map(r -> key(r.code(), r.stage())).collect(Collectors.toSet());
        ObligationPolicy policy =
                view.obligationTerms() != null ? view.obligationTerms().policy() : obligations.policy();
        return view.regulatoryClocks().stream()
                .filter(clock -> clock.stillToMeet() && clock.startedAt() != null && clock.dueAt() != null)
                .filter(clock -> !done.contains(key(clock.code(), ReminderStage.OVERDUE)))
                .map(clock -> done.contains(key(clock.code(), ReminderStage.DUE_SOON))
                        ? clock.dueAt().plusNanos(1)
                        : policy.dueSoonFrom(clock.startedAt(), clock.dueAt()))
                .min(Instant::compareTo)
                .map(ReminderSchedule::ceilToMicros);
    }

    private static Instant ceilToMicros(Instant at) {
        Instant floor = at.truncatedTo(ChronoUnit.MICROS);
        return floor.equals(at) ? at : floor.plus(1, ChronoUnit.MICROS);
    }

    private static String key(ObligationCode code, ReminderStage stage) {
        return code + "/" + stage;
    }
}
