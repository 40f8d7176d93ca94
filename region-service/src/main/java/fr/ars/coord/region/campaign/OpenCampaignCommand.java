package fr.ars.coord.region.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record OpenCampaignCommand(@TargetAggregateIdentifier String campaignId, String title, String description) {}
