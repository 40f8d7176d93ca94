package fr.ars.coord.region.campaign;

import fr.ars.coord.contracts.region.Region;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record LinkIncidentCommand(@TargetAggregateIdentifier String campaignId, String incidentId, Region region) {}
