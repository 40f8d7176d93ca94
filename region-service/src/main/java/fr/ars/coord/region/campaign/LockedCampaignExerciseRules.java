package fr.ars.coord.region.campaign;

import fr.ars.coord.platform.exercise.ExerciseLocks;
import fr.ars.coord.platform.exercise.RecordedExercises;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * What a campaign of an exercise asks before it records: that the exercise still runs, read in the command's
 * transaction with the exercise's lock held shared ({@link ExerciseLocks}), so that its end (which holds it alone)
 * and a link or an unlink cannot cross.
 */
@Component
class LockedCampaignExerciseRules implements CampaignExerciseRules {

    private final ExerciseLocks locks;
    private final RecordedExercises exercises;
    private final Clock clock;

    LockedCampaignExerciseRules(ExerciseLocks locks, RecordedExercises exercises, Clock clock) {
        this.locks = locks;
        this.exercises = exercises;
        this.clock = clock;
    }

    @Override
    public void requireRunning(String exerciseId) {
        locks.holdToRecord(exerciseId);
        boolean running = exercises
                .find(exerciseId)
                .map(exercise -> exercise.runsAt(clock.instant()))
                .orElse(false);
        if (!running) {
            throw new CampaignRuleViolation("The exercise has ended: nothing more is recorded in it.");
        }
    }
}
