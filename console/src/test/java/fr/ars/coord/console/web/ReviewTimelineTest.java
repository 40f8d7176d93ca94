package fr.ars.coord.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.client.incident.model.CommuniqueMilestone;
import fr.ars.coord.client.incident.model.CommuniqueTiming;
import fr.ars.coord.client.incident.model.IncidentReview;
import fr.ars.coord.client.incident.model.NotificationTiming;
import fr.ars.coord.client.incident.model.ObligationTiming;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewTimelineTest {

    private static final OffsetDateTime AWARE = OffsetDateTime.parse("2025-11-21T17:30:00Z");

    private static IncidentReview review() {
        return new IncidentReview()
                .title("Compte usurpé")
                .awareAt(AWARE)
                .reportedAt(AWARE.plusHours(2))
                .reviewedAt(AWARE.plusDays(3))
                .notifications(List.of(new NotificationTiming().notifiedAt(AWARE.plusHours(30))))
                .obligations(List.of(
                        new ObligationTiming()
                                .dueAt(AWARE.plusHours(24))
                                .metAt(AWARE.plusHours(30))
                                .late(true),
                        new ObligationTiming().dueAt(null)))
                .communiques(new CommuniqueTiming()
                        .citing(List.of(new CommuniqueMilestone()
                                .approvedAt(AWARE.plusHours(40))
                                .publishedAt(null))))
                .reminders(List.of())
                .corrections(List.of())
                .actions(List.of());
    }

    @Test
    void theAwarenessIsAtTheLeftEdgeTheLatestInstantAtTheRightAndOthersInProportion() {
        ReviewTimeline timeline = ReviewTimeline.of(review(), new Labels());

        assertThat(timeline.start()).isEqualTo(AWARE.toInstant());
        assertThat(timeline.end()).isEqualTo(AWARE.plusHours(40).toInstant());
        ReviewTimeline.Lane incident = timeline.lanes().get(0);
        assertThat(incident.marks())
                .extracting(ReviewTimeline.Mark::x)
                .containsExactly(
                        ReviewTimeline.LEFT, ReviewTimeline.LEFT + (ReviewTimeline.RIGHT - ReviewTimeline.LEFT) / 20);
        ReviewTimeline.Lane communiques = timeline.lanes().get(2);
        assertThat(communiques.marks()).singleElement().satisfies(mark -> {
            assertThat(mark.x()).isEqualTo(ReviewTimeline.RIGHT);
            assertThat(mark.label()).isEqualTo("Communiqué approuvé");
        });
    }

    @Test
    void instantsNotRecordedHaveNoMarkAndADueTimeMetLateIsMarkedLate() {
        ReviewTimeline timeline = ReviewTimeline.of(review(), new Labels());

        ReviewTimeline.Lane authorities = timeline.lanes().get(1);
        assertThat(authorities.marks()).extracting(ReviewTimeline.Mark::kind).containsExactly("fait", "retard");
        assertThat(timeline.lanes().stream()
                        .mapToInt(lane -> lane.marks().size())
                        .sum())
                .as("awareness, record, notification, one due time, one approval: no unpublished nor undue mark")
                .isEqualTo(5);
    }

    @Test
    void aReviewWithOneInstantStillHasAnAxis() {
        IncidentReview alone = review().reportedAt(AWARE)
                .notifications(List.of())
                .obligations(List.of())
                .communiques(new CommuniqueTiming().citing(List.of()));

        ReviewTimeline timeline = ReviewTimeline.of(alone, new Labels());

        assertThat(timeline.end()).isAfter(timeline.start());
        assertThat(timeline.lanes().get(0).marks())
                .extracting(ReviewTimeline.Mark::x)
                .containsOnly(ReviewTimeline.LEFT);
    }
}
