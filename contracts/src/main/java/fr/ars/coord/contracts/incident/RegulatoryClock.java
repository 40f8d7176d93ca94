package fr.ars.coord.contracts.incident;

import java.time.Instant;

/**
 * One legal obligation's clock (see {@link ObligationPolicy}): {@code PENDING} before its due time, {@code DUE_SOON}
 * in the last part of its delay, {@code OVERDUE} after it, {@code MET} once fulfilled ({@code late} if after the due
 * time, with the {@code lateReason} given), {@code NOT_APPLICABLE} while it does not apply or has not started.
 *
 * @param authority  whom the obligation is owed to
 * @param obligation what it asks, in French
 * @param code       the obligation's stable code
 * @param startedAt  when its clock started (awareness, resolution, high-risk assessment...), null if not started
 * @param applicable whether it applies to this incident as recorded so far
 */
public record RegulatoryClock(Authority authority, String obligation, Instant dueAt, ClockStatus status, Instant metAt,
                              boolean late, ObligationCode code, Instant startedAt, boolean applicable,
                              String lateReason) {

    public enum ClockStatus { PENDING, DUE_SOON, OVERDUE, MET, NOT_APPLICABLE }

    RegulatoryClock(ObligationCode code, Instant startedAt, Instant dueAt, ClockStatus status, Instant metAt,
                    boolean late, boolean applicable, String lateReason) {
        this(code.authority(), code.obligation(), dueAt, status, metAt, late, code, startedAt, applicable, lateReason);
    }

    /** Started, applicable and not fulfilled: its due time is one to watch. */
    public boolean stillToMeet() {
        return status == ClockStatus.PENDING || status == ClockStatus.DUE_SOON || status == ClockStatus.OVERDUE;
    }
}
