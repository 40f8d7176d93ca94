package fr.ars.coord.contracts.exercise;

import java.util.Map;

/** The mark an exercise leaves on each event recorded in it: its id, in the event's metadata. */
public final class ExerciseTag {

    /** The metadata key; absent from every event of a real crisis (and from every event before exercises existed). */
    public static final String METADATA_KEY = "exercise";

    /** The prefix of every text written in an exercise (titles, communiqués, reports). */
    public static final String LABEL = "EXERCICE";

    private ExerciseTag() {}

    /** The metadata marking an event of {@code exerciseId}; none for a real crisis ({@code exerciseId} null). */
    public static Map<String, String> metaData(String exerciseId) {
        return exerciseId == null ? Map.of() : Map.of(METADATA_KEY, exerciseId);
    }

    /** The exercise an event's metadata marks, or null for a real crisis. */
    public static String of(Map<String, ?> metaData) {
        Object value = metaData.get(METADATA_KEY);
        return value == null ? null : value.toString();
    }
}
