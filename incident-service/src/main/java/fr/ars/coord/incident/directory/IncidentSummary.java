package fr.ars.coord.incident.directory;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One line of the incident list (read model in MongoDB, rebuilt from events on replay); {@code exerciseId} names the
 * exercise it was recorded in, null for a real incident.
 */
@Document(IncidentSummary.COLLECTION)
public record IncidentSummary(
        @Id String id,
        Region region,
        String title,
        AttackVector attackVector,
        OperationalImpact operationalImpact,
        IncidentStatus status,
        Instant awareAt,
        Instant reportedAt,
        Long estimatedPatients,
        Boolean medicalDataExposed,
        Instant lastEventAt,
        long version,
        // the exercise it was recorded in; absent for a real incident
        @JsonInclude(JsonInclude.Include.NON_NULL) String exerciseId) {

    public static final String COLLECTION = "incident_summaries";
}
