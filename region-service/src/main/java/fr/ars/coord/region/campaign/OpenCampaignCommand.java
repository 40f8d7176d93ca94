package fr.ars.coord.region.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens a campaign, in the exercise {@code exerciseId} (null: a real one). */
public record OpenCampaignCommand(
        @TargetAggregateIdentifier String campaignId, String title, String description, String exerciseId) {}
