package fr.ars.coord.contracts.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The incident was reported to an authority (CERT Santé, CNIL, ANSSI...). {@code kind} is absent from the events of
 * the first releases (then {@link NotificationKind#implied}); {@code lateReason} says why it came after its due time.
 */
@Revision("1")
public record AuthorityNotifiedEvent(
        String incidentId,
        Region region,
        Authority authority,
        Instant notifiedAt,
        String reference,
        @JsonInclude(JsonInclude.Include.NON_NULL) NotificationKind kind,
        @JsonInclude(JsonInclude.Include.NON_NULL) String lateReason)
        implements IncidentEvent {

    public AuthorityNotifiedEvent(
            String incidentId, Region region, Authority authority, Instant notifiedAt, String reference) {
        this(incidentId, region, authority, notifiedAt, reference, null, null);
    }

    /** The kind recorded, or the one a notification without kind stands for. */
    public NotificationKind effectiveKind() {
        return kind != null ? kind : NotificationKind.implied(authority);
    }
}
