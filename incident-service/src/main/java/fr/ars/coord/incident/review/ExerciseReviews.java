package fr.ars.coord.incident.review;

import fr.ars.coord.contracts.exercise.ExerciseTag;
import fr.ars.coord.contracts.incident.Authority;
import fr.ars.coord.contracts.incident.NotificationKind;
import fr.ars.coord.incident.directory.IncidentSummary;
import fr.ars.coord.incident.directory.IncidentSummaryStore;
import fr.ars.coord.incident.exercise.ExerciseRecord;
import fr.ars.coord.incident.exercise.ExerciseReplay;
import fr.ars.coord.incident.exercise.ExerciseScript;
import fr.ars.coord.incident.exercise.ExerciseScript.ExpectedAction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Composes an exercise's review from its register, its replay and its incidents' own reviews. */
@Component
public class ExerciseReviews {

    private final IncidentReviews reviews;
    private final IncidentSummaryStore summaries;

    ExerciseReviews(IncidentReviews reviews, IncidentSummaryStore summaries) {
        this.reviews = reviews;
        this.summaries = summaries;
    }

    /** The same review as a PDF, marked EXERCICE, under the strictest TLP label of its incidents. */
    public byte[] pdf(ExerciseReview review) {
        return ExerciseReviewPdf.render(review, reviews.strictest(review.incidents(), review.reviewedAt()));
    }

    /**
     * The review of {@code exercise} as it stands at {@code now}, over its incidents of {@code region} (null: all of
     * them), with its replay and its steps as injected.
     */
    public ExerciseReview of(
            ExerciseRecord exercise,
            Optional<ExerciseReplay> replay,
            List<ExerciseReplay.InjectedStep> injected,
            String region,
            Instant now) {
        List<IncidentReview> incidents = new ArrayList<>();
        for (IncidentSummary summary : summaries.find(region, null, exercise.exerciseId())) {
            reviews.of(summary.id(), now).ifPresent(incidents::add);
        }
        incidents.sort(Comparator.comparing(IncidentReview::reportedAt));
        Map<String, IncidentReview> byId = new HashMap<>();
        incidents.forEach(r -> byId.put(r.incidentId(), r));
        return new ExerciseReview(
                exercise.exerciseId(),
                ExerciseTag.LABEL,
                exercise.name(),
                exercise.startedAt(),
                exercise.endsAt(),
                exercise.endedAt(),
                now,
                replay.map(r -> replayOf(r, injected, region)).orElse(null),
                replay.map(r -> expected(r, byId, region, now)).orElse(List.of()),
                incidents);
    }

    /** Whether a reader of {@code region} (null: every region) sees the script's incident {@code ref}. */
    private static boolean sees(ExerciseReplay replay, String ref, String region) {
        return region == null
                || replay.script().reportOf(ref).orElseThrow().report().region().equals(region);
    }

    private static ExerciseReview.Replay replayOf(
            ExerciseReplay replay, List<ExerciseReplay.InjectedStep> injected, String region) {
        List<ExerciseReview.StepResult> steps = new ArrayList<>();
        for (ExerciseReplay.InjectedStep row : injected) {
            ExerciseScript.Step step = replay.script().steps().get(row.index());
            String incidentId = replay.incidentId(step.incident());
            if (!sees(replay, step.incident(), region)) {
                continue; // an incident of a region the reader does not see
            }
            steps.add(new ExerciseReview.StepResult(
                    row.index(),
                    step.incident(),
                    incidentId,
                    step.kind(),
                    step.at().toSeconds(),
                    row.dueAt(),
                    row.injectedAt(),
                    row.injectedAt() == null
                            ? null
                            : Duration.between(row.dueAt(), row.injectedAt()).toSeconds(),
                    row.outcome()));
        }
        return new ExerciseReview.Replay(replay.scriptName(), replay.speed(), replay.startedAt(), steps);
    }

    private static List<ExerciseReview.ExpectationResult> expected(
            ExerciseReplay replay, Map<String, IncidentReview> visible, String region, Instant now) {
        List<ExerciseReview.ExpectationResult> results = new ArrayList<>();
        for (ExerciseScript.Expectation expectation : replay.script().expected()) {
            String incidentId = replay.incidentId(expectation.incident());
            IncidentReview review = visible.get(incidentId);
            if (!sees(replay, expectation.incident(), region)) {
                continue;
            }
            ExerciseScript.Step report =
                    replay.script().reportOf(expectation.incident()).orElseThrow();
            Instant expectedBy = replay.at(report.at().plus(expectation.within()));
            Instant done = review == null ? null : doneAt(review, expectation.action());
            String status = done != null
                    ? (done.isAfter(expectedBy) ? "LATE" : "ON_TIME")
                    : (now.isAfter(expectedBy) ? "NOT_DONE" : "OPEN");
            results.add(new ExerciseReview.ExpectationResult(
                    expectation.incident(),
                    incidentId,
                    expectation.action(),
                    expectation.description(),
                    expectedBy,
                    done,
                    done == null ? null : Duration.between(done, expectedBy).toSeconds(),
                    status));
        }
        return results;
    }

    /** When the trainees did what is expected, as recorded; null while they have not. */
    static Instant doneAt(IncidentReview review, ExpectedAction action) {
        return switch (action) {
            case CERT_SANTE_DECLARATION -> notified(review, Authority.CERT_SANTE);
            case CNIL_NOTIFICATION -> notified(review, Authority.CNIL);
            case COMMUNIQUE_APPROVED -> review.communiques().firstApprovedAt();
            case COMMUNIQUE_PUBLISHED -> review.communiques().firstPublishedAt();
        };
    }

    private static Instant notified(IncidentReview review, Authority authority) {
        return review.notifications().stream()
                .filter(n -> n.authority() == authority && n.kind() != NotificationKind.CLOSURE)
                .map(IncidentReview.NotificationTiming::recordedAt)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }
}
