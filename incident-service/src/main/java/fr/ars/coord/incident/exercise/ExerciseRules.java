package fr.ars.coord.incident.exercise;

import fr.ars.coord.contracts.region.Region;

/** What an exercise allows its incidents, asked by the incident's command handlers. */
public interface ExerciseRules {

    /**
     * Refuses an incident of {@code region} in {@code exerciseId} unless the exercise exists and covers the region
     * ({@code 400} naming {@code exerciseId}) and still runs ({@code 409}).
     */
    void requireRecordable(String exerciseId, Region region);

    /** Refuses any further record in {@code exerciseId} once it ended ({@code 409}). */
    void requireRunning(String exerciseId);

    /** Whether anything may still be recorded in {@code exerciseId}. */
    boolean running(String exerciseId);

    /**
     * Holds {@code exerciseId} against any record in it until the ending command's transaction ends: a fact being
     * recorded in it is waited for (and comes before the end in the store's order), a later one sees the end.
     */
    void holdToEnd(String exerciseId);
}
