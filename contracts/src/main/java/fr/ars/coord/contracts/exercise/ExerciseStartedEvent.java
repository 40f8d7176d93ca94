package fr.ars.coord.contracts.exercise;

import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The national cell started an exercise named {@code name} over {@code regions} (every region for a national one),
 * ending at {@code endsAt} at the latest; {@code scenario} is what the trainees are told, if anything.
 */
@Revision("1")
public record ExerciseStartedEvent(
        String exerciseId, String name, String scenario, List<Region> regions, Instant startedAt, Instant endsAt)
        implements ExerciseEvent {

    public ExerciseStartedEvent {
        regions = List.copyOf(regions);
    }
}
