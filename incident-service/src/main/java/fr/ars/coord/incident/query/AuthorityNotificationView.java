package fr.ars.coord.incident.query;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.incident.Authority;
import java.time.Instant;

public record AuthorityNotificationView(Authority authority, Instant notifiedAt, String reference, Instant recordedAt,
                                        Actor recordedBy) {
}
