/**
 * Crisis exercises: started and ended by the national cell ({@code Exercise}), registered in the transaction that
 * records them ({@link fr.ars.coord.incident.exercise.ExerciseRegister}, read by
 * {@link fr.ars.coord.incident.exercise.RegisteredExercises}), so that an incident is recorded in an exercise only
 * while it runs and over its regions, and nothing is recorded in it once it ended
 * ({@link fr.ars.coord.incident.exercise.ExerciseRules}); the scripts replayed in them
 * ({@link fr.ars.coord.incident.exercise.ExerciseScript}, the shipped ones in {@code ExerciseScripts}).
 */
package fr.ars.coord.incident.exercise;
