package fr.ars.coord.contracts.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.contracts.region.Region;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The incident's classification in the ENISA taxonomy (its main class and any related ones, e.g. the access to
 * information an account compromise led to) and the TLP label its details are shared under. The latest one is the
 * incident's; an incident never classified is {@link TlpLabel#DEFAULT}.
 */
@Revision("1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentClassifiedEvent(
        String incidentId, Region region, TaxonomyClass taxonomyClass, List<TaxonomyClass> relatedClasses, TlpLabel tlp)
        implements IncidentEvent {

    public IncidentClassifiedEvent {
        relatedClasses = relatedClasses == null ? List.of() : List.copyOf(relatedClasses);
    }
}
