package fr.ars.coord.contracts.campaign;

import fr.ars.coord.contracts.region.Region;
import org.axonframework.serialization.Revision;

/** A regional incident was recognised as part of the campaign; {@code region} is the incident's region. */
@Revision("1")
public record IncidentLinkedToCampaignEvent(String campaignId, String incidentId, Region region)
        implements CampaignEvent {}
