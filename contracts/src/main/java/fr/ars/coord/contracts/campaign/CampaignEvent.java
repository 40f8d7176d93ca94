package fr.ars.coord.contracts.campaign;

/** Events of a national campaign: one attack hitting several regions, as linked by the national cell. */
public sealed interface CampaignEvent
        permits CampaignOpenedEvent, IncidentLinkedToCampaignEvent, IncidentUnlinkedFromCampaignEvent {

    String campaignId();
}
