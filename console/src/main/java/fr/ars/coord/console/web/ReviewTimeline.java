package fr.ars.coord.console.web;

import fr.ars.coord.client.incident.model.CommuniqueMilestone;
import fr.ars.coord.client.incident.model.IncidentReview;
import fr.ars.coord.client.incident.model.NotificationTiming;
import fr.ars.coord.client.incident.model.ObligationTiming;
import fr.ars.coord.client.incident.model.ReminderFired;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The review's recorded instants on one time axis, lane by lane (the incident, the authorities, the communiqués, the
 * reminders), placed for the review page's chart: {@code x} in the chart's units, from {@link #LEFT} (the region's
 * awareness) to {@link #RIGHT} (the latest instant shown). Public, as its lanes and marks: the page's expressions read
 * them.
 */
public record ReviewTimeline(Instant start, Instant end, List<Lane> lanes) {

    static final double LEFT = 170;
    static final double RIGHT = 1080;

    /** One lane of the chart and its marks. */
    public record Lane(String name, double y, List<Mark> marks) {}

    /** A mark: {@code kind} is {@code fait} (done), {@code echeance} (a due time), {@code retard} (done late). */
    public record Mark(double x, String label, Instant at, String kind) {}

    static ReviewTimeline of(IncidentReview review, Labels labels) {
        List<Instant> all = new ArrayList<>();
        all.add(instant(review.getAwareAt()));
        all.add(instant(review.getReportedAt()));
        review.getNotifications().forEach(n -> all.add(instant(n.getNotifiedAt())));
        review.getObligations().forEach(o -> {
            all.add(instant(o.getMetAt()));
            all.add(instant(o.getDueAt()));
        });
        review.getCommuniques().getCiting().forEach(c -> {
            all.add(instant(c.getApprovedAt()));
            all.add(instant(c.getPublishedAt()));
        });
        review.getReminders().forEach(r -> all.add(instant(r.getRecordedAt())));
        List<Instant> known = all.stream().filter(Objects::nonNull).toList();
        Instant start = known.stream().min(Comparator.naturalOrder()).orElse(instant(review.getReviewedAt()));
        Instant end = known.stream().max(Comparator.naturalOrder()).orElse(start);
        if (!end.isAfter(start)) {
            end = start.plus(Duration.ofHours(1));
        }
        Axis axis = new Axis(start, end);
        List<Lane> lanes = List.of(
                new Lane(
                        "Incident",
                        40,
                        axis.marks(Stream.of(
                                new Mark(0, "Prise de connaissance", instant(review.getAwareAt()), "fait"),
                                new Mark(0, "Premier enregistrement", instant(review.getReportedAt()), "fait")))),
                new Lane(
                        "Autorités",
                        90,
                        axis.marks(Stream.concat(
                                review.getNotifications().stream().map(n -> notification(n, labels)),
                                review.getObligations().stream().map(o -> due(o, labels))))),
                new Lane(
                        "Communiqués",
                        140,
                        axis.marks(review.getCommuniques().getCiting().stream().flatMap(ReviewTimeline::communique))),
                new Lane(
                        "Rappels",
                        190,
                        axis.marks(review.getReminders().stream().map(r -> reminder(r, labels)))));
        return new ReviewTimeline(start, end, lanes);
    }

    /** The chart's height, for its lanes. */
    public double height() {
        return lanes.size() * 50 + 50;
    }

    private static Mark notification(NotificationTiming n, Labels labels) {
        return new Mark(0, "Notification : " + labels.of(n.getAuthority()), instant(n.getNotifiedAt()), "fait");
    }

    private static Mark due(ObligationTiming o, Labels labels) {
        return new Mark(
                0,
                "Échéance : " + labels.of(o.getCode()) + (Boolean.TRUE.equals(o.getLate()) ? " (tenue en retard)" : ""),
                instant(o.getDueAt()),
                Boolean.TRUE.equals(o.getLate()) ? "retard" : "echeance");
    }

    private static Stream<Mark> communique(CommuniqueMilestone c) {
        return Stream.of(
                new Mark(0, "Communiqué approuvé", instant(c.getApprovedAt()), "fait"),
                new Mark(
                        0,
                        c.getSupersedes() != null ? "Rectificatif publié" : "Communiqué publié",
                        instant(c.getPublishedAt()),
                        "fait"));
    }

    private static Mark reminder(ReminderFired r, Labels labels) {
        return new Mark(0, "Rappel : " + labels.of(r.getCode()), instant(r.getRecordedAt()), "echeance");
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    /** Places instants between the chart's left and right edges. */
    private record Axis(Instant start, Instant end) {

        List<Mark> marks(Stream<Mark> marks) {
            double span = Duration.between(start, end).toMillis();
            return marks.filter(m -> m.at() != null)
                    .map(m -> new Mark(
                            LEFT
                                    + (RIGHT - LEFT)
                                            * Duration.between(start, m.at()).toMillis()
                                            / span,
                            m.label(),
                            m.at(),
                            m.kind()))
                    .toList();
        }
    }
}
