package fr.ars.coord.contracts.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The agency's decision on telling the patients of a high-risk breach (GDPR art. 34) and, when made, its execution:
 * when they were told, how, how many. A public communication may name the published communiqué it was.
 */
@Revision("1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatientInformationRecordedEvent(
        String incidentId,
        Region region,
        PatientInformationDecision decision,
        String reason,
        PatientInformationChannel channel,
        Instant informedAt,
        Long patientsInformed,
        String communiqueId)
        implements IncidentEvent {}
