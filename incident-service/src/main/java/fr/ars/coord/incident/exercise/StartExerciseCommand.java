package fr.ars.coord.incident.exercise;

import fr.ars.coord.contracts.exercise.ExerciseStartedEvent;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Starts an exercise over {@code regions} (empty: every region, a national exercise) until {@code endsAt}. */
public record StartExerciseCommand(
        @TargetAggregateIdentifier String exerciseId,
        String name,
        String scenario,
        List<Region> regions,
        Instant startedAt,
        Instant endsAt) {

    public StartExerciseCommand {
        regions = List.copyOf(regions);
    }

    ExerciseStartedEvent started() {
        return new ExerciseStartedEvent(exerciseId, name, scenario, regions, startedAt, endsAt);
    }
}
