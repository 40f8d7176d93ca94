package fr.ars.coord.contracts.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The decision on notifying the CNIL of the breach (GDPR art. 33(1)), and when the agency became reasonably certain
 * that personal data were compromised ({@code breachAwareAt}, EDPB guidelines 9/2022): the 72 hours run from it.
 * The latest decision is the incident's.
 */
@Revision("1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CnilNotificationDecidedEvent(
        String incidentId, Region region, CnilDecision decision, String reason, Instant breachAwareAt)
        implements IncidentEvent {}
