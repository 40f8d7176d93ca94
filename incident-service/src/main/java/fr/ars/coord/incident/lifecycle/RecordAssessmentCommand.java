package fr.ars.coord.incident.lifecycle;

import fr.ars.coord.contracts.incident.BreachType;
import fr.ars.coord.contracts.incident.DataSubjectCategory;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentAssessedEvent;
import fr.ars.coord.contracts.region.Region;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RecordAssessmentCommand(
        @TargetAggregateIdentifier String incidentId,
        Set<ExposedDataItem> exposedData,
        boolean medicalDataExposed,
        long estimatedPatients,
        List<String> affectedSystems,
        String note,
        Boolean highRisk,
        Long estimatedRecords,
        Set<BreachType> breachTypes,
        Set<DataSubjectCategory> dataSubjects,
        @TargetAggregateVersion Long expectedVersion) {

    public RecordAssessmentCommand(
            String incidentId,
            Set<ExposedDataItem> exposedData,
            boolean medicalDataExposed,
            long estimatedPatients,
            List<String> affectedSystems,
            String note,
            Long expectedVersion) {
        this(
                incidentId,
                exposedData,
                medicalDataExposed,
                estimatedPatients,
                affectedSystems,
                note,
                null,
                null,
                Set.of(),
                Set.of(),
                expectedVersion);
    }

    /** The assessment as recorded for the incident of {@code region}. */
    IncidentAssessedEvent assessed(Region region) {
        return new IncidentAssessedEvent(
                incidentId,
                region,
                exposedData,
                medicalDataExposed,
                estimatedPatients,
                affectedSystems,
                note,
                highRisk,
                estimatedRecords,
                breachTypes,
                dataSubjects);
    }
}
