package fr.ars.coord.incident.exercise;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A script replayed in an exercise from {@code startedAt}, its times divided by {@code speed}. */
public record ExerciseReplay(
        String exerciseId, String scriptName, int speed, Instant startedAt, ExerciseScript script) {

    /** The fastest a script is replayed: an hour of the crisis in a minute. */
    public static final int MAX_SPEED = 60;

    /** The instant a script time falls at in a replay started at {@code start} at {@code speed}. */
    public static Instant scaled(Instant start, Duration scriptTime, int speed) {
        return start.plus(scriptTime.dividedBy(speed));
    }

    /** The instant script time {@code at} falls at in this replay. */
    public Instant at(Duration scriptTime) {
        return scaled(startedAt, scriptTime, speed);
    }

    /** The id of the script's incident {@code ref} in this exercise: the same whoever injects it, however often. */
    public static String incidentId(String exerciseId, String ref) {
        return UUID.nameUUIDFromBytes(("exercise|" + exerciseId + "|" + ref).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    public String incidentId(String ref) {
        return incidentId(exerciseId, ref);
    }

    /** A step of a replay: when it was due, when it was injected (null: not yet) and what became of it. */
    public record InjectedStep(int index, Instant dueAt, Instant injectedAt, String outcome) {}

    /** A step due for injection. */
    public record DueStep(String exerciseId, int index) {}
}
