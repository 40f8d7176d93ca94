package fr.ars.coord.contracts.incident;

import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The incident was reported to an authority (CERT Santé, CNIL, ...). */
@Revision("1")
public record AuthorityNotifiedEvent(String incidentId, Region region, Authority authority, Instant notifiedAt,
                                     String reference) implements IncidentEvent {
}
