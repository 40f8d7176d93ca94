package fr.ars.coord.incident.command;

import fr.ars.coord.contracts.incident.Authority;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RecordAuthorityNotificationCommand(@TargetAggregateIdentifier String incidentId, Authority authority,
                                                 Instant notifiedAt, String reference,
                                                 @TargetAggregateVersion Long expectedVersion) {
}
