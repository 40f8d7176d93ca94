/**
 * Crisis exercises: a named, time-boxed space (national, or some regions) started by the national cell, in which
 * incidents and communiqués run the real rules but never reach the public nor count in the real national picture.
 * Every event of an exercise's incident or communiqué carries the exercise's id in its metadata under
 * {@link fr.ars.coord.contracts.exercise.ExerciseTag#METADATA_KEY}: a processor that serves only real crises skips
 * them there, without knowing the incidents.
 */
package fr.ars.coord.contracts.exercise;
