package fr.ars.coord.incident.lifecycle;

import fr.ars.coord.contracts.incident.Nis2Significance;
import fr.ars.coord.contracts.incident.Nis2SignificanceAssessedEvent;
import fr.ars.coord.contracts.incident.SignificanceCriterion;
import fr.ars.coord.contracts.region.Region;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RecordNis2SignificanceCommand(
        @TargetAggregateIdentifier String incidentId,
        Nis2Significance significance,
        List<SignificanceCriterion> criteria,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {

    public RecordNis2SignificanceCommand {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }

    /** The decision as recorded for the incident of {@code region}, its criteria as {@link DecisionRules} keep them. */
    Nis2SignificanceAssessedEvent decided(Region region) {
        return new Nis2SignificanceAssessedEvent(
                incidentId,
                region,
                significance,
                DecisionRules.significanceCriteria(this),
                IncidentRules.blankToNull(reason));
    }
}
