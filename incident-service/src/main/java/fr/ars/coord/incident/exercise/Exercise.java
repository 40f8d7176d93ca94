package fr.ars.coord.incident.exercise;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.ars.coord.contracts.exercise.ExerciseEndedEvent;
import fr.ars.coord.contracts.exercise.ExerciseScriptStartedEvent;
import fr.ars.coord.contracts.exercise.ExerciseStartedEvent;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An exercise: started over some regions (or all) until a time it cannot outlive, ended by the national cell or by
 * that time; once ended it stays ended. One script may be replayed in it while it runs.
 */
@Aggregate
class Exercise {

    @AggregateIdentifier
    private String exerciseId;

    private Instant endsAt;
    private boolean ended;
    private boolean replaying;

    Exercise() {
        // rebuilt from events
    }

    @CommandHandler
    Exercise(StartExerciseCommand command) {
        apply(command.started());
    }

    /**
     * Ends the exercise, its row held first ({@link ExerciseRules#holdToEnd}): a fact being recorded in it at the same
     * moment is stored before the end, never after.
     */
    @CommandHandler
    void handle(EndExerciseCommand command, ExerciseRules rules) {
        if (ended) {
            throw new ExerciseRuleViolation("The exercise has already ended.");
        }
        rules.holdToEnd(exerciseId);
        apply(new ExerciseEndedEvent(
                exerciseId, command.endedAt().isAfter(endsAt) ? endsAt : command.endedAt(), command.reason()));
    }

    /** One script per exercise, replayed while the exercise runs. */
    @CommandHandler
    void handle(StartReplayCommand command) {
        if (ended || !command.startedAt().isBefore(endsAt)) {
            throw new ExerciseRuleViolation("The exercise has ended: nothing more is replayed in it.");
        }
        if (replaying) {
            throw new ExerciseRuleViolation("A script is already replayed in this exercise.");
        }
        apply(command.started());
    }

    @EventSourcingHandler
    void on(ExerciseScriptStartedEvent event) {
        replaying = true;
    }

    @EventSourcingHandler
    void on(ExerciseStartedEvent event) {
        exerciseId = event.exerciseId();
        endsAt = event.endsAt();
    }

    @EventSourcingHandler
    void on(ExerciseEndedEvent event) {
        ended = true;
    }
}
