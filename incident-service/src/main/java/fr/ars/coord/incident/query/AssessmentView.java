package fr.ars.coord.incident.query;

import fr.ars.coord.contracts.incident.ExposedDataItem;
import java.time.Instant;
import java.util.List;
import java.util.Set;

public record AssessmentView(Set<ExposedDataItem> exposedData, boolean medicalDataExposed, long estimatedPatients,
                             List<String> affectedSystems, String note, Instant assessedAt, RecordedBy assessedBy) {
}
