package fr.ars.coord.contracts.campaign;

import fr.ars.coord.contracts.region.Region;
import org.axonframework.serialization.Revision;

/** A link was withdrawn, with the reason the national cell gave. */
@Revision("1")
public record IncidentUnlinkedFromCampaignEvent(String campaignId, String incidentId, Region region, String reason)
        implements CampaignEvent {}
