package fr.ars.coord.incident.query;

import fr.ars.coord.contracts.incident.Authority;
import fr.ars.coord.contracts.incident.RegulatoryClock;
import fr.ars.coord.contracts.incident.RegulatoryClockPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The shared {@link RegulatoryClockPolicy}, with its periods taken from configuration. */
@Component
public class RegulatoryClocks {

    private final RegulatoryClockPolicy policy;

    public RegulatoryClocks(@Value("${ars.incidents.cert-sante-due-within:PT24H}") Duration certSanteDueWithin,
                            @Value("${ars.incidents.cnil-due-within:PT72H}") Duration cnilDueWithin) {
        this.policy = new RegulatoryClockPolicy(certSanteDueWithin, cnilDueWithin);
    }

    List<RegulatoryClock> evaluate(Instant awareAt, List<AuthorityNotificationView> notifications, Instant at) {
        Map<Authority, Instant> first = new EnumMap<>(Authority.class);
        notifications.forEach(n -> first.merge(n.authority(), n.notifiedAt(), (a, b) -> a.isBefore(b) ? a : b));
        return policy.evaluate(awareAt, first, at);
    }
}
