package fr.ars.coord.platform.exercise;

import fr.ars.coord.contracts.exercise.ExerciseEndedEvent;
import fr.ars.coord.contracts.exercise.ExerciseStartedEvent;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * An exercise as its own stream records it (incident-service starts and ends it): read when asked, never kept. Each
 * service that needs it declares it as a bean.
 */
public class RecordedExercises {

    /** An exercise: the regions it covers (empty: every region, a national one) and when it ended or ends. */
    public record RecordedExercise(String id, String name, List<Region> regions, Instant endsAt, Instant endedAt) {

        /** Whether anything may still happen in it at {@code now}. */
        public boolean runsAt(Instant now) {
            return endedAt == null && now.isBefore(endsAt);
        }

        public boolean covers(Region region) {
            return regions.isEmpty() || regions.contains(region);
        }
    }

    private final EventStore eventStore;

    public RecordedExercises(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The exercise {@code id}, or empty when none was started with it. */
    public Optional<RecordedExercise> find(String id) {
        RecordedExercise exercise = null;
        try (var events = eventStore.readEvents(id).asStream()) {
            for (Iterator<? extends DomainEventMessage<?>> it = events.iterator(); it.hasNext(); ) {
                DomainEventMessage<?> message = it.next();
                if (message.getPayload() instanceof ExerciseStartedEvent started) {
                    exercise = new RecordedExercise(
                            started.exerciseId(), started.name(), started.regions(), started.endsAt(), null);
                } else if (message.getPayload() instanceof ExerciseEndedEvent ended && exercise != null) {
                    exercise = new RecordedExercise(
                            exercise.id(), exercise.name(), exercise.regions(), exercise.endsAt(), ended.endedAt());
                } else if (exercise == null) {
                    return Optional.empty(); // another aggregate's stream
                }
            }
        }
        return Optional.ofNullable(exercise);
    }
}
