package fr.ars.coord.incident.exercise;

import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.platform.rules.InvalidRequestException;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * The exercises' rules read in the recording command's transaction with the exercise's row locked: an exercise's
 * end and an incident's fact cannot cross (either the fact commits first, or it sees the end).
 */
@Component
class LockedExerciseRules implements ExerciseRules {

    private final RegisteredExercises register;
    private final Clock clock;

    LockedExerciseRules(RegisteredExercises register, Clock clock) {
        this.register = register;
        this.clock = clock;
    }

    @Override
    public void requireRecordable(String exerciseId, Region region) {
        ExerciseRecord exercise = register.lockedForRecording(exerciseId)
                .orElseThrow(() -> new InvalidRequestException("exerciseId", "names no exercise"));
        if (!exercise.covers(region)) {
            throw new InvalidRequestException(
                    "exerciseId", "names an exercise that does not cover the region " + region.code());
        }
        requireRunning(exercise);
    }

    @Override
    public void requireRunning(String exerciseId) {
        requireRunning(register.lockedForRecording(exerciseId)
                .orElseThrow(() -> new ExerciseRuleViolation("The incident's exercise is not registered.")));
    }

    @Override
    public boolean running(String exerciseId) {
        return register.lockedForRecording(exerciseId)
                .map(exercise -> exercise.runningAt(clock.instant()))
                .orElse(false);
    }

    private void requireRunning(ExerciseRecord exercise) {
        if (!exercise.runningAt(clock.instant())) {
            throw new ExerciseRuleViolation("The exercise \"" + exercise.name() + "\" ended at " + exercise.closesAt()
                    + ": its record is frozen.");
        }
    }

    @Override
    public void holdToEnd(String exerciseId) {
        register.lockedForEnd(exerciseId);
    }
}
