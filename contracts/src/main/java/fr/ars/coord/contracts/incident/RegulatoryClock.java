package fr.ars.coord.contracts.incident;

import java.time.Instant;

/**
 * A legal clock started when the organisation became aware: {@code PENDING} before its due time,
 * {@code OVERDUE} after it, {@code MET} once the authority was notified ({@code late} if after the due time).
 */
public record RegulatoryClock(Authority authority, String obligation, Instant dueAt, ClockStatus status, Instant metAt,
                              boolean late) {

    public enum ClockStatus { PENDING, MET, OVERDUE }
}
