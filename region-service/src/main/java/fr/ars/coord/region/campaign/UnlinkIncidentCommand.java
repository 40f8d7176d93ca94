package fr.ars.coord.region.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UnlinkIncidentCommand(
        @TargetAggregateIdentifier String campaignId, String incidentId, String reason) {}
