package fr.ars.coord.contracts.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.contracts.region.Region;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The decision on whether the incident is significant under NIS2 (art. 23(3)), with the criteria met or the reason
 * it is not. The latest decision is the incident's: the NIS2 clocks run only once it is SIGNIFICANT.
 */
@Revision("1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Nis2SignificanceAssessedEvent(
        String incidentId,
        Region region,
        Nis2Significance significance,
        List<SignificanceCriterion> criteria,
        String reason)
        implements IncidentEvent {

    public Nis2SignificanceAssessedEvent {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }
}
