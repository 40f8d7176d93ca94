package fr.ars.coord.incident.query;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import java.time.Instant;
import java.util.List;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** An assessment; {@code highRisk} is what the assessor said of the risk to the patients, when they said it. */
public record AssessmentView(Set<ExposedDataItem> exposedData, boolean medicalDataExposed, long estimatedPatients,
                             List<String> affectedSystems, String note, Instant assessedAt, Actor assessedBy,
                             Boolean highRisk) {

    public AssessmentView {
        // in declaration order, however the set was built (an event, a stored snapshot)
        exposedData = Collections.unmodifiableSet(new TreeSet<>(exposedData));
    }
}
