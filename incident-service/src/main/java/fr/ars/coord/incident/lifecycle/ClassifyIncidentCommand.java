package fr.ars.coord.incident.lifecycle;

import fr.ars.coord.contracts.incident.IncidentClassifiedEvent;
import fr.ars.coord.contracts.incident.TaxonomyClass;
import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.contracts.region.Region;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record ClassifyIncidentCommand(
        @TargetAggregateIdentifier String incidentId,
        TaxonomyClass taxonomyClass,
        List<TaxonomyClass> relatedClasses,
        TlpLabel tlp,
        @TargetAggregateVersion Long expectedVersion) {

    /** The classification as recorded for the incident of {@code region}: the main class not repeated as related. */
    IncidentClassifiedEvent classified(Region region) {
        List<TaxonomyClass> related = relatedClasses.stream()
                .filter(c -> c != taxonomyClass)
                .distinct()
                .toList();
        return new IncidentClassifiedEvent(incidentId, region, taxonomyClass, related, tlp);
    }
}
