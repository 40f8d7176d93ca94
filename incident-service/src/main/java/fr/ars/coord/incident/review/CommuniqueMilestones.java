package fr.ars.coord.incident.review;

import fr.ars.coord.contracts.communique.CommuniqueApprovedEvent;
import fr.ars.coord.contracts.communique.CommuniqueDraftRevisedEvent;
import fr.ars.coord.contracts.communique.CommuniqueDraftedEvent;
import fr.ars.coord.contracts.communique.CommuniquePublishedEvent;
import fr.ars.coord.contracts.communique.Statement;
import fr.ars.coord.incident.view.EventIndex;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The communiqués citing each incident's events, with when each was drafted, first approved and first published,
 * kept in {@code review_communique} and {@code review_communique_incident} from notification-service's events. A
 * communiqué's events come in order (one sequence per communiqué); each write keeps the first instant it saw, so a
 * replayed or repeated event changes nothing.
 */
@Component
@ProcessingGroup(CommuniqueMilestones.PROCESSING_GROUP)
class CommuniqueMilestones {

    static final String PROCESSING_GROUP = "review-communiques";

    private final JdbcTemplate jdbc;
    private final EventIndex index;

    CommuniqueMilestones(JdbcTemplate jdbc, EventIndex index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    /** One communiqué citing an incident, as its events said. */
    record Milestones(
            String communiqueId, String supersedes, Instant draftedAt, Instant approvedAt, Instant publishedAt) {}

    @EventHandler
    void on(CommuniqueDraftedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                "INSERT INTO review_communique (communique_id, region, supersedes, drafted_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (communique_id) DO UPDATE SET region = EXCLUDED.region,"
                        + " supersedes = EXCLUDED.supersedes,"
                        + " drafted_at = COALESCE(review_communique.drafted_at, EXCLUDED.drafted_at)",
                event.communiqueId(),
                event.region() == null ? null : event.region().code(),
                event.supersedes(),
                Timestamp.from(at));
        cite(event.communiqueId(), event.statements());
    }

    @EventHandler
    void on(CommuniqueDraftRevisedEvent event) {
        cite(event.communiqueId(), event.statements());
    }

    @EventHandler
    void on(CommuniqueApprovedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        first("approved_at", event.communiqueId(), at);
    }

    @EventHandler
    void on(CommuniquePublishedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        first("published_at", event.communiqueId(), at);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM review_communique_incident");
        jdbc.update("DELETE FROM review_communique");
    }

    /** The communiqués citing the incident's events, oldest draft first. */
    List<Milestones> citing(String incidentId) {
        return jdbc.query(
                "SELECT c.communique_id, c.supersedes, c.drafted_at, c.approved_at, c.published_at"
                        + " FROM review_communique c JOIN review_communique_incident i"
                        + " ON i.communique_id = c.communique_id WHERE i.incident_id = ?"
                        + " ORDER BY c.drafted_at, c.communique_id",
                (rs, n) -> new Milestones(
                        rs.getString(1),
                        rs.getString(2),
                        instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5))),
                incidentId);
    }

    /** Links the communiqué to the aggregates whose events its statements cite (incidents, for what is cited). */
    private void cite(String communiqueId, List<Statement> statements) {
        Set<String> eventIds = new LinkedHashSet<>();
        statements.forEach(statement -> eventIds.addAll(statement.eventIds()));
        if (eventIds.isEmpty()) {
            return;
        }
        for (String incidentId :
                new LinkedHashSet<>(index.aggregatesOf(eventIds).values())) {
            jdbc.update(
                    "INSERT INTO review_communique_incident (incident_id, communique_id) VALUES (?, ?)"
                            + " ON CONFLICT DO NOTHING",
                    incidentId,
                    communiqueId);
        }
    }

    private void first(String column, String communiqueId, Instant at) {
        jdbc.update(
                "INSERT INTO review_communique (communique_id, " + column + ") VALUES (?, ?)"
                        + " ON CONFLICT (communique_id) DO UPDATE SET " + column + " = COALESCE(review_communique."
                        + column + ", EXCLUDED." + column + ")",
                communiqueId,
                Timestamp.from(at));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
