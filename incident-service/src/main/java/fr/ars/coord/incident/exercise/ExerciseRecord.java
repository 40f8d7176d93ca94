package fr.ars.coord.incident.exercise;

import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import java.util.List;

/**
 * An exercise as registered: {@code regions} empty for a national one; {@code endedAt} when the national cell ended
 * it (the exercise is over from {@code endsAt} all the same).
 */
public record ExerciseRecord(
        String exerciseId,
        String name,
        String scenario,
        List<Region> regions,
        Instant startedAt,
        Instant endsAt,
        Instant endedAt) {

    public ExerciseRecord {
        regions = List.copyOf(regions);
    }

    /** Whether incidents of {@code region} may be recorded in it. */
    public boolean covers(Region region) {
        return regions.isEmpty() || regions.contains(region);
    }

    /** Whether anything may still be recorded in it at {@code now}. */
    public boolean runningAt(Instant now) {
        return endedAt == null && now.isBefore(endsAt);
    }

    /** When it ended or will end. */
    public Instant closesAt() {
        return endedAt != null ? endedAt : endsAt;
    }

    public boolean national() {
        return regions.isEmpty();
    }
}
