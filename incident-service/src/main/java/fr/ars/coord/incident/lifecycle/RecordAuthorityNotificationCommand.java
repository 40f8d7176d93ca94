package fr.ars.coord.incident.lifecycle;

import fr.ars.coord.contracts.incident.Authority;
import fr.ars.coord.contracts.incident.AuthorityNotifiedEvent;
import fr.ars.coord.contracts.incident.NotificationKind;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RecordAuthorityNotificationCommand(
        @TargetAggregateIdentifier String incidentId,
        Authority authority,
        Instant notifiedAt,
        String reference,
        NotificationKind kind,
        String lateReason,
        @TargetAggregateVersion Long expectedVersion) {

    /** A notification as the first releases recorded it: no kind, no reason for lateness. */
    public RecordAuthorityNotificationCommand(
            String incidentId, Authority authority, Instant notifiedAt, String reference, Long expectedVersion) {
        this(incidentId, authority, notifiedAt, reference, null, null, expectedVersion);
    }

    /** The notification as recorded for the incident of {@code region}. */
    AuthorityNotifiedEvent notified(Region region) {
        return new AuthorityNotifiedEvent(
                incidentId, region, authority, notifiedAt, reference, kind, IncidentRules.blankToNull(lateReason));
    }
}
