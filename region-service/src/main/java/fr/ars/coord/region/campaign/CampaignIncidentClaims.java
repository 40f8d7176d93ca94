package fr.ars.coord.region.campaign;

import fr.ars.coord.contracts.campaign.IncidentLinkedToCampaignEvent;
import fr.ars.coord.contracts.campaign.IncidentUnlinkedFromCampaignEvent;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The command side's claim of an incident by a campaign: a row per linked incident, keyed by the incident, written
 * in the transaction that appends the link event (a subscribing processor, {@value #GROUP}, runs within the
 * command's unit of work). A second campaign linking the same incident at the same moment fails on the key and
 * its command rolls back with its event: the rule "one campaign per incident" spans aggregates and cannot be
 * checked by either alone, nor against a read model that follows the events.
 */
@Component
@ProcessingGroup(CampaignIncidentClaims.GROUP)
class CampaignIncidentClaims {

    static final String GROUP = "campaign-claims";

    private final JdbcTemplate jdbc;

    CampaignIncidentClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(IncidentLinkedToCampaignEvent event) {
        jdbc.update(
                "INSERT INTO campaign_incident (incident_id, campaign_id) VALUES (?, ?)",
                event.incidentId(),
                event.campaignId());
    }

    /** The campaign that holds {@code incidentId}, as of the last committed link or unlink. */
    Optional<String> campaignOf(String incidentId) {
        return jdbc
                .queryForList(
                        "SELECT campaign_id FROM campaign_incident WHERE incident_id = ?", String.class, incidentId)
                .stream()
                .findFirst();
    }

    @EventHandler
    void on(IncidentUnlinkedFromCampaignEvent event) {
        jdbc.update(
                "DELETE FROM campaign_incident WHERE incident_id = ? AND campaign_id = ?",
                event.incidentId(),
                event.campaignId());
    }
}
