package fr.ars.coord.incident.exercise;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends an exercise at {@code endedAt}: its record is frozen from then. */
public record EndExerciseCommand(@TargetAggregateIdentifier String exerciseId, Instant endedAt, String reason) {}
