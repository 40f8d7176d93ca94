package fr.ars.coord.contracts.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.contracts.region.Region;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.serialization.Revision;

/**
 * An assessment of what the incident exposed. Each assessment replaces the previous one in the
 * current view; all of them stay in the history. {@code highRisk}, {@code estimatedRecords}, {@code breachTypes} and
 * {@code dataSubjects} came after the first release: an assessment recorded before holds none of them, and what it
 * does not hold is not known (reports say "non renseigné"), never assumed.
 */
@Revision("1")
public record IncidentAssessedEvent(
        String incidentId,
        Region region,
        Set<ExposedDataItem> exposedData,
        boolean medicalDataExposed,
        long estimatedPatients,
        List<String> affectedSystems,
        String note,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean highRisk,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long estimatedRecords,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Set<BreachType> breachTypes,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Set<DataSubjectCategory> dataSubjects)
        implements IncidentEvent {

    public IncidentAssessedEvent(
            String incidentId,
            Region region,
            Set<ExposedDataItem> exposedData,
            boolean medicalDataExposed,
            long estimatedPatients,
            List<String> affectedSystems,
            String note,
            Boolean highRisk) {
        this(
                incidentId,
                region,
                exposedData,
                medicalDataExposed,
                estimatedPatients,
                affectedSystems,
                note,
                highRisk,
                null,
                null,
                null);
    }

    public IncidentAssessedEvent(
            String incidentId,
            Region region,
            Set<ExposedDataItem> exposedData,
            boolean medicalDataExposed,
            long estimatedPatients,
            List<String> affectedSystems,
            String note) {
        this(incidentId, region, exposedData, medicalDataExposed, estimatedPatients, affectedSystems, note, null);
    }

    /** Personal data was exposed, as far as this assessment says. */
    public boolean personalDataExposed() {
        return medicalDataExposed || !exposedData.isEmpty();
    }

    /**
     * A high risk to the patients (GDPR art. 34): medical data or social-security numbers exposed, or the assessor
     * said so ({@code highRisk: true}).
     */
    public boolean highRiskToPatients() {
        return Boolean.TRUE.equals(highRisk)
                || medicalDataExposed
                || exposedData.contains(ExposedDataItem.MEDICAL_RECORD)
                || exposedData.contains(ExposedDataItem.SOCIAL_SECURITY_NUMBER);
    }

    public IncidentAssessedEvent {
        // in declaration order, so that views and texts list the categories the same way every time
        exposedData = Collections.unmodifiableSet(new TreeSet<>(exposedData));
        affectedSystems = List.copyOf(affectedSystems);
        breachTypes = breachTypes == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(breachTypes));
        dataSubjects = dataSubjects == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(dataSubjects));
        if (estimatedRecords != null && estimatedRecords < 0) {
            throw new IllegalArgumentException("estimatedRecords must not be negative");
        }
    }
}
