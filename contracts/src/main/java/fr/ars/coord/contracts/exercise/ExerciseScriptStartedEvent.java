package fr.ars.coord.contracts.exercise;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The national cell started replaying a script in the exercise: {@code script} is the script's whole document (JSON,
 * the format of {@code docs/exercises.md}) as replayed, named {@code scriptName}, its times divided by {@code speed}
 * (1 to 60) from {@code startedAt}. The document is kept in the event so the replay and its review never depend on a
 * file that may change later.
 */
@Revision("1")
public record ExerciseScriptStartedEvent(
        String exerciseId, String scriptName, int speed, Instant startedAt, String script) implements ExerciseEvent {}
