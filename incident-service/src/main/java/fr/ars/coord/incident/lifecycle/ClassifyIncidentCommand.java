package fr.ars.coord.incident.lifecycle;

import fr.ars.coord.contracts.incident.TaxonomyClass;
import fr.ars.coord.contracts.incident.TlpLabel;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record ClassifyIncidentCommand(
        @TargetAggregateIdentifier String incidentId,
        TaxonomyClass taxonomyClass,
        List<TaxonomyClass> relatedClasses,
        TlpLabel tlp,
        @TargetAggregateVersion Long expectedVersion) {}
