package fr.ars.coord.incident.register;

import fr.ars.coord.contracts.incident.Authority;
import fr.ars.coord.contracts.incident.NotificationKind;
import fr.ars.coord.contracts.incident.ObligationCode;
import fr.ars.coord.contracts.incident.RegulatoryClock;
import fr.ars.coord.incident.directory.IncidentSummary;
import fr.ars.coord.incident.directory.IncidentSummaryStore;
import fr.ars.coord.incident.view.AuthorityNotificationView;
import fr.ars.coord.incident.view.ContainmentActionView;
import fr.ars.coord.incident.view.IncidentStreams;
import fr.ars.coord.incident.view.IncidentView;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The register of personal-data breaches (GDPR art. 33(5)): every incident whose record holds a breach (an
 * assessment found personal data exposed, or a CNIL decision was taken), notified or not, read from each incident's
 * current view so that it says what the incident's page says.
 */
@Component
public class BreachRegister {

    private final IncidentSummaryStore summaries;
    private final IncidentStreams streams;

    BreachRegister(IncidentSummaryStore summaries, IncidentStreams streams) {
        this.summaries = summaries;
        this.streams = streams;
    }

    /** The breaches of {@code region} (every region when null), earliest awareness first. */
    public List<BreachRegisterEntry> entries(String region, Instant now) {
        return summaries.find(region, null, null).stream()
                .map(IncidentSummary::id)
                .map(id -> streams.currentView(id, now))
                .flatMap(Optional::stream)
                .filter(view -> view.personalDataExposedAt() != null || view.cnilDecision() != null)
                .sorted(Comparator.comparing(IncidentView::awareAt).thenComparing(IncidentView::id))
                .map(BreachRegister::entry)
                .toList();
    }

    private static BreachRegisterEntry entry(IncidentView view) {
        List<AuthorityNotificationView> toCnil = view.authorityNotifications().stream()
                .filter(n -> n.authority() == Authority.CNIL)
                .sorted(Comparator.comparing(AuthorityNotificationView::notifiedAt))
                .toList();
        Optional<AuthorityNotificationView> initial = toCnil.stream()
                .filter(n -> n.kind() != NotificationKind.SUPPLEMENTARY)
                .findFirst();
        RegulatoryClock cnilClock = view.regulatoryClocks().stream()
                .filter(c -> c.code() == ObligationCode.CNIL_NOTIFICATION)
                .findFirst()
                .orElseThrow();
        var assessment = view.latestAssessment();
        return new BreachRegisterEntry(
                view.id(),
                view.region(),
                view.title(),
                view.status(),
                view.awareAt(),
                view.cnilDecision() != null ? view.cnilDecision().breachAwareAt() : view.awareAt(),
                view.personalDataExposedAt(),
                assessment == null ? null : assessment.exposedData(),
                assessment == null ? null : assessment.medicalDataExposed(),
                assessment == null ? null : assessment.estimatedPatients(),
                view.highRiskAt(),
                view.containmentActions().stream()
                        .map(ContainmentActionView::action)
                        .distinct()
                        .toList(),
                view.cnilDecision() == null ? null : view.cnilDecision().decision(),
                view.cnilDecision() == null ? null : view.cnilDecision().reason(),
                initial.map(AuthorityNotificationView::notifiedAt).orElse(null),
                initial.map(AuthorityNotificationView::reference).orElse(null),
                toCnil.stream()
                        .filter(n -> n.kind() == NotificationKind.SUPPLEMENTARY)
                        .map(AuthorityNotificationView::notifiedAt)
                        .toList(),
                cnilClock.status().name(),
                view.patientInformation() == null
                        ? null
                        : view.patientInformation().decision(),
                view.patientInformation() == null
                        ? null
                        : view.patientInformation().informedAt(),
                assessment == null ? null : assessment.estimatedRecords(),
                assessment == null || assessment.breachTypes().isEmpty() ? null : assessment.breachTypes(),
                assessment == null || assessment.dataSubjects().isEmpty() ? null : assessment.dataSubjects());
    }
}
