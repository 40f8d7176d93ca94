package fr.ars.coord.contracts.incident;

import java.time.Instant;

/**
 * One legal obligation's clock (see {@link ObligationPolicy}): {@code PENDING} before its due time, {@code DUE_SOON}
 * in the last part of its delay, {@code OVERDUE} after it, {@code MET} once fulfilled ({@code late} if after the due
 * time, with the {@code lateReason} given), {@code NOT_APPLICABLE} while it does not apply or has not started,
 * {@code WAIVED} when the incident was closed without meeting it, for the {@code waiverReason} recorded then.
 *
 * @param authority  whom the obligation is owed to
 * @param obligation what it asks, in French
 * @param code       the obligation's stable code
 * @param startedAt  when its clock started (awareness, resolution, high-risk assessment...), null if not started
 * @param applicable whether it applies to this incident as recorded so far
 * @param waiverReason why the incident was closed without meeting it ({@code WAIVED}), null otherwise
 * @param metBy      the id of the event that met it ({@code MET}): the notification, the decision or the patients'
 *                   information recorded; null otherwise
 */
public record RegulatoryClock(
        Authority authority,
        String obligation,
        Instant dueAt,
        ClockStatus status,
        Instant metAt,
        boolean late,
        ObligationCode code,
        Instant startedAt,
        boolean applicable,
        String lateReason,
        String waiverReason,
        String metBy) {

    public enum ClockStatus {
        PENDING,
        DUE_SOON,
        OVERDUE,
        MET,
        NOT_APPLICABLE,
        WAIVED
    }

    /** A clock as the releases before waivers wrote it. */
    public RegulatoryClock(
            Authority authority,
            String obligation,
            Instant dueAt,
            ClockStatus status,
            Instant metAt,
            boolean late,
            ObligationCode code,
            Instant startedAt,
            boolean applicable,
            String lateReason) {
        this(authority, obligation, dueAt, status, metAt, late, code, startedAt, applicable, lateReason, null, null);
    }

    RegulatoryClock(
            ObligationCode code,
            Instant startedAt,
            Instant dueAt,
            ClockStatus status,
            Instant metAt,
            boolean late,
            boolean applicable,
            String lateReason) {
        this(
                code.authority(),
                code.obligation(),
                dueAt,
                status,
                metAt,
                late,
                code,
                startedAt,
                applicable,
                lateReason,
                null,
                null);
    }

    /** Started, applicable, neither fulfilled nor waived: its due time is one to watch. */
    public boolean stillToMeet() {
        return status == ClockStatus.PENDING || status == ClockStatus.DUE_SOON || status == ClockStatus.OVERDUE;
    }
}
