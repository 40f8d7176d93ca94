package fr.ars.coord.contracts.incident;

import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A region reported an incident; {@code awareAt} is when the organisation became aware of it. */
@Revision("1")
public record IncidentReportedEvent(String incidentId, Region region, String title, String summary,
                                    Instant awareAt, AttackVector attackVector,
                                    OperationalImpact operationalImpact) implements IncidentEvent {
}
