package fr.ars.coord.incident.lifecycle;

import fr.ars.coord.contracts.incident.Nis2Significance;
import fr.ars.coord.contracts.incident.SignificanceCriterion;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RecordNis2SignificanceCommand(@TargetAggregateIdentifier String incidentId,
                                            Nis2Significance significance, List<SignificanceCriterion> criteria,
                                            String reason, @TargetAggregateVersion Long expectedVersion) {

    public RecordNis2SignificanceCommand {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }
}
