package fr.ars.coord.incident.query;

import fr.ars.coord.contracts.incident.Authority;
import fr.ars.coord.incident.query.RegulatoryClockView.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The legal clocks that start when the organisation becomes aware: report to CERT Santé "without delay"
 * (tracked as due within a configured period, 24 h by default) and notify the CNIL within 72 h (GDPR
 * Art. 33).
 */
@Component
public class RegulatoryClocks {

    private final Duration certSanteDueWithin;
    private final Duration cnilDueWithin;

    public RegulatoryClocks(@Value("${ars.incidents.cert-sante-due-within:PT24H}") Duration certSanteDueWithin,
                            @Value("${ars.incidents.cnil-due-within:PT72H}") Duration cnilDueWithin) {
        this.certSanteDueWithin = certSanteDueWithin;
        this.cnilDueWithin = cnilDueWithin;
    }

    List<RegulatoryClockView> evaluate(Instant awareAt, List<AuthorityNotificationView> notifications, Instant at) {
        return List.of(
                clock(Authority.CERT_SANTE, "Signalement sans délai à CERT Santé",
                        awareAt.plus(certSanteDueWithin), notifications, at),
                clock(Authority.CNIL, "Notification de violation de données à la CNIL sous 72 heures",
                        awareAt.plus(cnilDueWithin), notifications, at));
    }

    private static RegulatoryClockView clock(Authority authority, String obligation, Instant dueAt,
                                             List<AuthorityNotificationView> notifications, Instant at) {
        Optional<Instant> metAt = notifications.stream()
                .filter(n -> n.authority() == authority)
                .map(AuthorityNotificationView::notifiedAt)
                .min(Instant::compareTo);
        if (metAt.isPresent()) {
            return new RegulatoryClockView(authority, obligation, dueAt, Status.MET, metAt.get(),
                    metAt.get().isAfter(dueAt));
        }
        Status status = at.isAfter(dueAt) ? Status.OVERDUE : Status.PENDING;
        return new RegulatoryClockView(authority, obligation, dueAt, status, null, false);
    }
}
