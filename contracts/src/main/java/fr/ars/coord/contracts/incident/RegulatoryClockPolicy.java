package fr.ars.coord.contracts.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The two legal clocks that start when the organisation becomes aware of an incident, as the national picture
 * counts them: report to CERT Santé "without delay" (tracked as due within {@code certSanteDueWithin}, 24 h by
 * default) and notify the CNIL of a personal-data breach within 72 h (GDPR Art. 33). The incident's own view shows
 * every obligation ({@link ObligationPolicy}). Pure: the same facts and instant give the same clocks.
 */
public record RegulatoryClockPolicy(Duration certSanteDueWithin, Duration cnilDueWithin) {

    public static final RegulatoryClockPolicy DEFAULT = new RegulatoryClockPolicy(Duration.ofHours(24),
            Duration.ofHours(72));

    /**
     * @param firstNotified for each authority notified, the earliest {@code notifiedAt} recorded
     * @param at            the instant the clocks are read at (now, or a past instant for an as-of view)
     */
    public List<RegulatoryClock> evaluate(Instant awareAt, Map<Authority, Instant> firstNotified, Instant at) {
        return List.of(
                clock(ObligationCode.CERT_SANTE_DECLARATION, awareAt, awareAt.plus(certSanteDueWithin),
                        firstNotified.get(Authority.CERT_SANTE), at),
                clock(ObligationCode.CNIL_NOTIFICATION, awareAt, awareAt.plus(cnilDueWithin),
                        firstNotified.get(Authority.CNIL), at));
    }

    private static RegulatoryClock clock(ObligationCode code, Instant startedAt, Instant dueAt, Instant metAt,
                                         Instant at) {
        if (metAt != null) {
            return new RegulatoryClock(code, startedAt, dueAt, RegulatoryClock.ClockStatus.MET, metAt,
                    metAt.isAfter(dueAt), true, null);
        }
        RegulatoryClock.ClockStatus status = at.isAfter(dueAt) ? RegulatoryClock.ClockStatus.OVERDUE
                : RegulatoryClock.ClockStatus.PENDING;
        return new RegulatoryClock(code, startedAt, dueAt, status, null, false, true, null);
    }
}
