package fr.ars.coord.contracts.exercise;

/** An event of an exercise's own stream. */
public sealed interface ExerciseEvent permits ExerciseStartedEvent, ExerciseEndedEvent, ExerciseScriptStartedEvent {

    String exerciseId();
}
