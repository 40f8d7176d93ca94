package fr.ars.coord.incident.view;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.incident.Authority;
import fr.ars.coord.contracts.incident.NotificationKind;
import java.time.Instant;

/**
 * A notification to an authority as recorded; {@code kind} is the one recorded or, for a notification recorded
 * without one, the one it stands for; {@code lateReason} why it came after its due time; {@code eventId} the event that
 * recorded it (the id a met clock's {@code metBy} names; absent from snapshots of earlier releases).
 */
public record AuthorityNotificationView(
        Authority authority,
        Instant notifiedAt,
        String reference,
        Instant recordedAt,
        Actor recordedBy,
        NotificationKind kind,
        String lateReason,
        String eventId) {}
