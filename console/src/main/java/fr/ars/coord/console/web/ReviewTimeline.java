package fr.ars.coord.console.web;

import fr.ars.coord.client.incident.model.CampaignReview;
import fr.ars.coord.client.incident.model.CampaignReviewLink;
import fr.ars.coord.client.incident.model.CommuniqueMilestone;
import fr.ars.coord.client.incident.model.ExerciseReview;
import fr.ars.coord.client.incident.model.ExerciseReviewExpectation;
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

    /**
     * An exercise's chart: the script's steps as injected, the expected actions (their due time, and when done), then
     * one lane per incident (awareness, first record, notifications, first published communiqué).
     */
    static ReviewTimeline of(ExerciseReview review, Labels labels) {
        List<Lane> lanes = new ArrayList<>();
        List<Mark> steps = review.getReplay() == null
                ? List.of()
                : review.getReplay().getSteps().stream()
                        .map(step -> new Mark(
                                0,
                                "Étape " + step.getIndex() + " : " + labels.of(step.getKind()) + " ("
                                        + step.getIncident() + ")",
                                instant(step.getInjectedAt()),
                                "fait"))
                        .toList();
        lanes.add(new Lane("Scénario", 0, steps));
        List<Mark> expected = new ArrayList<>();
        for (ExerciseReviewExpectation e : review.getExpected()) {
            String what = e.getDescription() != null ? e.getDescription() : labels.of(e.getAction());
            expected.add(new Mark(0, "Attendu : " + what, instant(e.getExpectedBy()), "echeance"));
            expected.add(new Mark(
                    0, "Fait : " + what, instant(e.getDoneAt()), "LATE".equals(e.getStatus()) ? "retard" : "fait"));
        }
        lanes.add(new Lane("Actions attendues", 0, expected));
        review.getIncidents().forEach(incident -> lanes.add(incidentLane(incident, labels)));
        return placed(lanes);
    }

    /**
     * A national campaign's chart: its opening and each link, then one lane per incident (awareness, first record,
     * notifications, first published communiqué).
     */
    static ReviewTimeline of(CampaignReview review, Labels labels) {
        List<Lane> lanes = new ArrayList<>();
        List<Mark> campaign = new ArrayList<>();
        campaign.add(new Mark(0, "Ouverture de la campagne", instant(review.getOpenedAt()), "fait"));
        for (CampaignReviewLink link : review.getLinks()) {
            campaign.add(new Mark(
                    0,
                    "Incident rattaché (" + labels.region(link.getRegion()) + ")",
                    instant(link.getLinkedAt()),
                    "fait"));
        }
        lanes.add(new Lane("Campagne", 0, campaign));
        review.getIncidents().forEach(incident -> lanes.add(incidentLane(incident, labels)));
        return placed(lanes);
    }

    /** One incident's lane among others: named by its region, with its main instants. */
    private static Lane incidentLane(IncidentReview incident, Labels labels) {
        List<Mark> marks = new ArrayList<>();
        marks.add(new Mark(0, "Prise de connaissance", instant(incident.getAwareAt()), "fait"));
        marks.add(new Mark(0, "Premier enregistrement", instant(incident.getReportedAt()), "fait"));
        incident.getNotifications().forEach(n -> marks.add(notification(n, labels)));
        marks.add(new Mark(
                0,
                "Premier communiqué publié",
                instant(incident.getCommuniques().getFirstPublishedAt()),
                "fait"));
        return new Lane(
                incident.getRegion() == null ? "Incident" : incident.getRegion().getValue(),
                0,
                marks.stream()
                        .map(m -> new Mark(0, incident.getTitle() + " — " + m.label(), m.at(), m.kind()))
                        .toList());
    }

    /** {@code lanes} one under the other, their marks placed on one axis from the earliest to the latest instant. */
    private static ReviewTimeline placed(List<Lane> lanes) {
        List<Instant> known = lanes.stream()
                .flatMap(l -> l.marks().stream())
                .map(Mark::at)
                .filter(Objects::nonNull)
                .toList();
        Instant start = known.stream().min(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        Instant end = known.stream().max(Comparator.naturalOrder()).orElse(start);
        if (!end.isAfter(start)) {
            end = start.plus(Duration.ofHours(1));
        }
        Axis axis = new Axis(start, end);
        List<Lane> placed = new ArrayList<>();
        for (int i = 0; i < lanes.size(); i++) {
            placed.add(new Lane(lanes.get(i).name(), 40 + 50 * i, axis.marks(lanes.get(i).marks().stream())));
        }
        return new ReviewTimeline(start, end, placed);
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
