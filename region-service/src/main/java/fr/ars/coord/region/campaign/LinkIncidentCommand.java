package fr.ars.coord.region.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record LinkIncidentCommand(@TargetAggregateIdentifier String campaignId, String incidentId, String region) {
}
