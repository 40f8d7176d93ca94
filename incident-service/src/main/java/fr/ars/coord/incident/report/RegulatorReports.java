package fr.ars.coord.incident.report;

import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.incident.view.IncidentStreams;
import fr.ars.coord.incident.view.IncidentView;
import fr.ars.coord.platform.obligation.RegionSetting;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The regulator reports of an incident, now or as it stood at an earlier instant ({@code asOf}: only what had been
 * recorded by then), from its own event stream.
 */
@Component
public class RegulatorReports {

    private final IncidentStreams streams;
    private final Clock clock;
    private final Map<Region, String> dataProtectionContacts;

    RegulatorReports(
            IncidentStreams streams,
            Clock clock,
            @Value("${ars.reports.data-protection-contacts:}") String dataProtectionContacts) {
        this.streams = streams;
        this.clock = clock;
        this.dataProtectionContacts =
                RegionSetting.parse("ars.reports.data-protection-contacts", dataProtectionContacts);
    }

    public Optional<RegulatorReport> report(String incidentId, ReportKind kind, Instant asOf) {
        Instant now = clock.instant();
        Optional<IncidentView> view =
                asOf == null ? streams.currentView(incidentId, now) : streams.viewAsOf(incidentId, asOf);
        Instant upTo = asOf == null ? Instant.MAX : asOf;
        return view.map(v -> {
            List<? extends DomainEventMessage<?>> events = streams.events(incidentId).stream()
                    .filter(e -> !e.getTimestamp().isAfter(upTo))
                    .toList();
            return new ReportWriter(
                            kind,
                            v,
                            ReportFacts.of(events),
                            Optional.ofNullable(dataProtectionContacts.get(v.region())))
                    .write(now);
        });
    }

    public byte[] pdf(RegulatorReport report) {
        return ReportPdf.render(report);
    }
}
