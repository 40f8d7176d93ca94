package fr.ars.coord.contracts.campaign;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CampaignOpenedEvent(String campaignId, String title, String description) implements CampaignEvent {}
