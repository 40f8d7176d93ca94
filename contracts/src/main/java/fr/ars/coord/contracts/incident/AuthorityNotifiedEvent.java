package fr.ars.coord.contracts.incident;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The incident was reported to an authority (CERT Santé, CNIL, ...). */
@Revision("1")
public record AuthorityNotifiedEvent(String incidentId, String region, Authority authority, Instant notifiedAt,
                                     String reference) implements IncidentEvent {
}
