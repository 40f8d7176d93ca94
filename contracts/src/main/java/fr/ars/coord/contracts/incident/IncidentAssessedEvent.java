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
 * current view; all of them stay in the history.
 */
@Revision("1")
public record IncidentAssessedEvent(String incidentId, Region region, Set<ExposedDataItem> exposedData,
                                    boolean medicalDataExposed, long estimatedPatients,
                                    List<String> affectedSystems, String note,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean highRisk)
        implements IncidentEvent {

    public IncidentAssessedEvent(String incidentId, Region region, Set<ExposedDataItem> exposedData,
                                 boolean medicalDataExposed, long estimatedPatients, List<String> affectedSystems,
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
        return Boolean.TRUE.equals(highRisk) || medicalDataExposed
                || exposedData.contains(ExposedDataItem.MEDICAL_RECORD)
                || exposedData.contains(ExposedDataItem.SOCIAL_SECURITY_NUMBER);
    }

    public IncidentAssessedEvent {
        // in declaration order, so that views and texts list the categories the same way every time
        exposedData = Collections.unmodifiableSet(new TreeSet<>(exposedData));
        affectedSystems = List.copyOf(affectedSystems);
    }
}
