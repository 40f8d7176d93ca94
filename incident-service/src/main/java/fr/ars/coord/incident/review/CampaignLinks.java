package fr.ars.coord.incident.review;

import fr.ars.coord.contracts.campaign.CampaignOpenedEvent;
import fr.ars.coord.contracts.campaign.IncidentLinkedToCampaignEvent;
import fr.ars.coord.contracts.campaign.IncidentUnlinkedFromCampaignEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The national campaigns and the incidents linked to them, with when, kept in {@code review_campaign} and
 * {@code review_campaign_incident} from region-service's events (what a campaign's review reads). A link repeated
 * keeps its first instant; an unlinked incident leaves the campaign.
 */
@Component
@ProcessingGroup(CampaignLinks.PROCESSING_GROUP)
class CampaignLinks {

    static final String PROCESSING_GROUP = "review-campaigns";

    private final JdbcTemplate jdbc;

    CampaignLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A campaign as opened, in {@code exerciseId} (null: a real one). */
    record Opened(String campaignId, String title, Instant openedAt, String exerciseId) {}

    /** An incident linked to a campaign, and when. */
    record Linked(String incidentId, Instant linkedAt) {}

    @EventHandler
    void on(CampaignOpenedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                "INSERT INTO review_campaign (campaign_id, title, opened_at, exercise_id) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (campaign_id) DO NOTHING",
                event.campaignId(),
                event.title(),
                Timestamp.from(at),
                event.exerciseId());
    }

    @EventHandler
    void on(IncidentLinkedToCampaignEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                "INSERT INTO review_campaign_incident (campaign_id, incident_id, linked_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (campaign_id, incident_id) DO NOTHING",
                event.campaignId(),
                event.incidentId(),
                Timestamp.from(at));
    }

    @EventHandler
    void on(IncidentUnlinkedFromCampaignEvent event) {
        jdbc.update(
                "DELETE FROM review_campaign_incident WHERE campaign_id = ? AND incident_id = ?",
                event.campaignId(),
                event.incidentId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM review_campaign_incident");
        jdbc.update("DELETE FROM review_campaign");
    }

    Optional<Opened> campaign(String campaignId) {
        return jdbc
                .query(
                        "SELECT title, opened_at, exercise_id FROM review_campaign WHERE campaign_id = ?",
                        (rs, n) -> new Opened(
                                campaignId,
                                rs.getString("title"),
                                rs.getTimestamp("opened_at").toInstant(),
                                rs.getString("exercise_id")),
                        campaignId)
                .stream()
                .findFirst();
    }

    /** The incidents linked to the campaign now, the first linked first. */
    List<Linked> incidents(String campaignId) {
        return jdbc.query(
                "SELECT incident_id, linked_at FROM review_campaign_incident WHERE campaign_id = ?"
                        + " ORDER BY linked_at, incident_id",
                (rs, n) -> new Linked(
                        rs.getString("incident_id"),
                        rs.getTimestamp("linked_at").toInstant()),
                campaignId);
    }
}
