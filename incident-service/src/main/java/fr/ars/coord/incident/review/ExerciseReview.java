package fr.ars.coord.incident.review;

import fr.ars.coord.incident.exercise.ExerciseScript.ExpectedAction;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * An exercise's after-action review at {@code reviewedAt}: the script replayed in it (each step when due and when
 * injected), what the trainees were expected to do against what they did (from the record), and each of its
 * incidents' own review.
 *
 * @param replay   the script replayed, null when the exercise was played without one
 * @param expected each of the script's expectations met, late, not done, or still open
 */
public record ExerciseReview(
        String exerciseId,
        String label,
        String name,
        Instant startedAt,
        Instant endsAt,
        Instant endedAt,
        Instant reviewedAt,
        Replay replay,
        List<ExpectationResult> expected,
        List<IncidentReview> incidents) {

    /** The replay: which script, how fast, from when, and each step. */
    @Schema(name = "ExerciseReviewReplay")
    public record Replay(String scriptName, int speed, Instant startedAt, List<StepResult> steps) {}

    /**
     * One step: the script's incident it concerns ({@code incident}, and its id in the exercise), what it records, its
     * time in the script, when it was due in the replay and when it was injected ({@code lateBySeconds} after), and
     * what became of it.
     */
    @Schema(name = "ExerciseReviewStep")
    public record StepResult(
            int index,
            String incident,
            String incidentId,
            String kind,
            long scriptSeconds,
            Instant dueAt,
            Instant injectedAt,
            Long lateBySeconds,
            String outcome) {}

    /**
     * One expectation: due by {@code expectedBy} (the incident's report in the replay plus the script's delay at the
     * replay's pace), done at {@code doneAt} (when recorded; null while not), {@code marginSeconds} before the time
     * (negative: late by that much); {@code status} ON_TIME, LATE, NOT_DONE (past due, not done) or OPEN (not due).
     */
    @Schema(name = "ExerciseReviewExpectation")
    public record ExpectationResult(
            String incident,
            String incidentId,
            ExpectedAction action,
            String description,
            Instant expectedBy,
            Instant doneAt,
            Long marginSeconds,
            String status) {}
}
