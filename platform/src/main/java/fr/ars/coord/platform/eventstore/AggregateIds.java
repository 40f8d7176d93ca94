package fr.ars.coord.platform.eventstore;

import java.util.regex.Pattern;

/** Aggregate ids are lower-case UUIDs; anything else names no stream (and is never sent to the store). */
public final class AggregateIds {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private AggregateIds() {}

    public static boolean isWellFormed(String id) {
        return id != null && UUID.matcher(id).matches();
    }
}
