package fr.ars.coord.contracts.exercise;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The national cell ended the exercise: its record is frozen from {@code endedAt}, kept for the review. */
@Revision("1")
public record ExerciseEndedEvent(String exerciseId, Instant endedAt, String reason) implements ExerciseEvent {}
