/**
 * Crisis exercises: started and ended by the national cell ({@code Exercise}), registered in the transaction that
 * records them ({@link fr.ars.coord.incident.exercise.ExerciseRegister}), so that an incident is recorded in an
 * exercise only while it runs and over its regions, and nothing is recorded in it once it ended
 * ({@link fr.ars.coord.incident.exercise.ExerciseRules}).
 */
package fr.ars.coord.incident.exercise;
