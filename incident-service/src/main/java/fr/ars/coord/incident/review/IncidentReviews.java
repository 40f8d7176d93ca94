package fr.ars.coord.incident.review;

import fr.ars.coord.contracts.incident.AuthorityNotifiedEvent;
import fr.ars.coord.contracts.incident.IncidentAssessedEvent;
import fr.ars.coord.contracts.incident.NotificationKind;
import fr.ars.coord.contracts.incident.RegulatoryClock;
import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.incident.review.CommuniqueMilestones.Milestones;
import fr.ars.coord.incident.review.IncidentReview.Action;
import fr.ars.coord.incident.review.IncidentReview.CommuniqueMilestone;
import fr.ars.coord.incident.review.IncidentReview.CommuniqueTiming;
import fr.ars.coord.incident.review.IncidentReview.Correction;
import fr.ars.coord.incident.review.IncidentReview.NotificationTiming;
import fr.ars.coord.incident.review.IncidentReview.ObligationTiming;
import fr.ars.coord.incident.review.IncidentReview.ReminderFired;
import fr.ars.coord.incident.view.HistoryEntry;
import fr.ars.coord.incident.view.IncidentStreams;
import fr.ars.coord.incident.view.IncidentView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Computes an incident's after-action review from its stream (the view now and every event with who recorded it)
 * and the communiqués citing it ({@link CommuniqueMilestones}).
 */
@Component
public class IncidentReviews {

    private final IncidentStreams streams;
    private final CommuniqueMilestones communiques;

    IncidentReviews(IncidentStreams streams, CommuniqueMilestones communiques) {
        this.streams = streams;
        this.communiques = communiques;
    }

    /** The incident's review at {@code now}; empty if there is no such incident. */
    public Optional<IncidentReview> of(String incidentId, Instant now) {
        return streams.currentView(incidentId, now).map(view -> review(view, now));
    }

    /** The same review as a PDF marked with the incident's TLP label; empty if there is no such incident. */
    public Optional<byte[]> pdf(String incidentId, Instant now) {
        return streams.currentView(incidentId, now).map(view -> ReviewPdf.render(review(view, now), tlpOf(view)));
    }

    /** The incident's TLP label (the default one until it is classified); empty if there is no such incident. */
    public Optional<TlpLabel> tlp(String incidentId, Instant now) {
        return streams.currentView(incidentId, now).map(IncidentReviews::tlpOf);
    }

    /**
     * The strictest label among {@code reviews}' incidents: what a review of them all is shared under (the default
     * label when there is none).
     */
    TlpLabel strictest(List<IncidentReview> reviews, Instant now) {
        TlpLabel strictest = null;
        for (IncidentReview review : reviews) {
            TlpLabel label = tlp(review.incidentId(), now).orElse(TlpLabel.DEFAULT);
            strictest = strictest == null ? label : strictest.strictest(label);
        }
        return strictest == null ? TlpLabel.DEFAULT : strictest;
    }

    private static TlpLabel tlpOf(IncidentView view) {
        return view.classification() != null && view.classification().tlp() != null
                ? view.classification().tlp()
                : TlpLabel.DEFAULT;
    }

    /** The review of the incident whose view this is: its history and the communiqués citing it read once. */
    private IncidentReview review(IncidentView view, Instant now) {
        return review(view, streams.history(view.id()), communiques.citing(view.id()), now);
    }

    static IncidentReview review(IncidentView view, List<HistoryEntry> history, List<Milestones> citing, Instant now) {
        Instant aware = view.awareAt();
        return new IncidentReview(
                view.id(),
                view.region(),
                view.title(),
                view.status(),
                now,
                aware,
                view.reportedAt(),
                seconds(aware, view.reportedAt()),
                view.regulatoryClocks().stream()
                        .filter(RegulatoryClock::applicable)
                        .map(clock -> obligation(clock, aware))
                        .toList(),
                view.authorityNotifications().stream()
                        .map(n -> new NotificationTiming(
                                n.authority(),
                                n.kind(),
                                n.notifiedAt(),
                                n.recordedAt(),
                                n.recordedBy(),
                                n.lateReason(),
                                seconds(aware, n.notifiedAt())))
                        .toList(),
                communiques(citing, aware),
                corrections(history, citing),
                view.reminders().stream()
                        .map(r -> new ReminderFired(r.code(), r.stage(), r.dueAt(), r.recordedAt()))
                        .toList(),
                history.stream()
                        .map(entry -> new Action(entry.recordedAt(), entry.recordedBy(), entry.type()))
                        .toList(),
                view.exerciseId());
    }

    private static ObligationTiming obligation(RegulatoryClock clock, Instant aware) {
        return new ObligationTiming(
                clock.code(),
                clock.authority(),
                clock.status(),
                clock.startedAt(),
                clock.dueAt(),
                clock.metAt(),
                clock.late(),
                clock.lateReason(),
                clock.waiverReason(),
                seconds(clock.startedAt(), clock.metAt()),
                seconds(clock.metAt(), clock.dueAt()),
                seconds(aware, clock.metAt()));
    }

    private static CommuniqueTiming communiques(List<Milestones> citing, Instant aware) {
        Instant firstApproved =
                first(citing.stream().map(Milestones::approvedAt).toList());
        Instant firstPublished =
                first(citing.stream().map(Milestones::publishedAt).toList());
        List<Milestones> published =
                citing.stream().filter(m -> m.publishedAt() != null).toList();
        return new CommuniqueTiming(
                firstApproved,
                seconds(aware, firstApproved),
                firstPublished,
                seconds(aware, firstPublished),
                published.size(),
                (int) published.stream().filter(m -> m.supersedes() != null).count(),
                citing.stream()
                        .map(m -> new CommuniqueMilestone(
                                m.communiqueId(), m.supersedes(), m.draftedAt(), m.approvedAt(), m.publishedAt()))
                        .toList());
    }

    /**
     * Every assessment after the first (its note says why), every supplementary notification to an authority, every
     * published communiqué that corrects an earlier one: in the order they were recorded.
     */
    private static List<Correction> corrections(List<HistoryEntry> history, List<Milestones> citing) {
        List<Correction> corrections = new ArrayList<>();
        boolean assessed = false;
        for (HistoryEntry entry : history) {
            if (entry.payload() instanceof IncidentAssessedEvent assessment) {
                if (assessed) {
                    corrections.add(
                            new Correction("ASSESSMENT", entry.recordedAt(), entry.recordedBy(), assessment.note()));
                }
                assessed = true;
            } else if (entry.payload() instanceof AuthorityNotifiedEvent notified
                    && notified.effectiveKind() == NotificationKind.SUPPLEMENTARY) {
                corrections.add(new Correction(
                        "NOTIFICATION",
                        entry.recordedAt(),
                        entry.recordedBy(),
                        "notification complémentaire (" + notified.authority() + ")"));
            }
        }
        for (Milestones communique : citing) {
            if (communique.supersedes() != null && communique.publishedAt() != null) {
                corrections.add(new Correction(
                        "COMMUNIQUE",
                        communique.publishedAt(),
                        null,
                        "corrige le communiqué " + communique.supersedes()
                                + " publié avant que les faits ne changent"));
            }
        }
        corrections.sort(Comparator.comparing(Correction::at));
        return corrections;
    }

    private static Instant first(List<Instant> instants) {
        return instants.stream()
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    /** Whole seconds from {@code from} to {@code to}; null if either was not recorded. */
    static Long seconds(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toSeconds();
    }
}
