package fr.ars.coord.contracts.incident;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A region reported an incident; {@code awareAt} is when the organisation became aware of it. */
@Revision("1")
public record IncidentReportedEvent(String incidentId, String region, String title, String summary,
                                    Instant awareAt, AttackVector attackVector,
                                    OperationalImpact operationalImpact) implements IncidentEvent {
}
