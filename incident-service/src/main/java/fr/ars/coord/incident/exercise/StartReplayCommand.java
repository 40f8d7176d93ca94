package fr.ars.coord.incident.exercise;

import fr.ars.coord.contracts.exercise.ExerciseScriptStartedEvent;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Starts replaying a script (its whole document) in the exercise at {@code speed} times its pace. */
public record StartReplayCommand(
        @TargetAggregateIdentifier String exerciseId, String scriptName, int speed, Instant startedAt, String script) {

    ExerciseScriptStartedEvent started() {
        return new ExerciseScriptStartedEvent(exerciseId, scriptName, speed, startedAt, script);
    }
}
