package fr.ars.coord.incident.view;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.incident.BreachType;
import fr.ars.coord.contracts.incident.DataSubjectCategory;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An assessment; {@code highRisk} is what the assessor said of the risk to the patients, when they said it;
 * {@code estimatedRecords} is null and {@code breachTypes}, {@code dataSubjects} empty where the assessment did not
 * say (every assessment recorded before they existed).
 */
public record AssessmentView(
        Set<ExposedDataItem> exposedData,
        boolean medicalDataExposed,
        long estimatedPatients,
        List<String> affectedSystems,
        String note,
        Instant assessedAt,
        Actor assessedBy,
        Boolean highRisk,
        Long estimatedRecords,
        Set<BreachType> breachTypes,
        Set<DataSubjectCategory> dataSubjects) {

    public AssessmentView {
        // in declaration order, however the set was built (an event, a stored snapshot)
        exposedData = Collections.unmodifiableSet(new TreeSet<>(exposedData));
        breachTypes = breachTypes == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(breachTypes));
        dataSubjects = dataSubjects == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(dataSubjects));
    }
}
