package fr.ars.coord.contracts.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The legal clocks that start when the organisation becomes aware of an incident: report to CERT Santé
 * "without delay" (tracked as due within {@code certSanteDueWithin}, 24 h by default) and notify the CNIL
 * of a personal-data breach within 72 h (GDPR Art. 33). Pure: the same facts and instant give the same clocks.
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
                clock(Authority.CERT_SANTE, "Signalement sans délai à CERT Santé", awareAt.plus(certSanteDueWithin),
                        firstNotified.get(Authority.CERT_SANTE), at),
                clock(Authority.CNIL, "Notification de violation de données à la CNIL sous 72 heures",
                        awareAt.plus(cnilDueWithin), firstNotified.get(Authority.CNIL), at));
    }

    private static RegulatoryClock clock(Authority authority, String obligation, Instant dueAt, Instant metAt,
                                         Instant at) {
        if (metAt != null) {
            return new RegulatoryClock(authority, obligation, dueAt, RegulatoryClock.ClockStatus.MET, metAt,
                    metAt.isAfter(dueAt));
        }
        RegulatoryClock.ClockStatus status = at.isAfter(dueAt) ? RegulatoryClock.ClockStatus.OVERDUE
                : RegulatoryClock.ClockStatus.PENDING;
        return new RegulatoryClock(authority, obligation, dueAt, status, null, false);
    }
}
