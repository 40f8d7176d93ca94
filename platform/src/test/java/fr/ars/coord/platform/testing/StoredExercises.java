package fr.ars.coord.platform.testing;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.exercise.ExerciseEndedEvent;
import fr.ars.coord.contracts.exercise.ExerciseStartedEvent;
import fr.ars.coord.contracts.exercise.ExerciseTag;
import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.EntityKind;
import fr.ars.coord.contracts.incident.IncidentReportedEvent;
import fr.ars.coord.contracts.incident.ObligationTerms;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.contracts.region.Region;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Exercises and their incidents appended to the shared store as incident-service records them: for the services that
 * read them (their own subscriptions, campaigns, communiqués).
 */
public final class StoredExercises {

    /** The national cell, who starts and ends exercises. */
    public static final Actor CELL = new Actor("sub-cell", "cellule", "NATIONAL", null);

    private StoredExercises() {}

    /** An exercise over {@code regions} started now for two hours, ended at once when {@code ended}; its id. */
    public static String start(EventStore store, List<Region> regions, boolean ended) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Object started = new ExerciseStartedEvent(id, "Exercice", null, regions, now, now.plus(Duration.ofHours(2)));
        if (ended) {
            StoredEvents.append(store, "Exercise", id, 0, CELL, started, new ExerciseEndedEvent(id, now, "Terminé."));
        } else {
            StoredEvents.append(store, "Exercise", id, 0, CELL, started);
        }
        return id;
    }

    /**
     * An incident of {@code region} reported in {@code exerciseId} (null: a real one) by the region's staff, followed by
     * {@code then} (its further events, in order), every event marked with the exercise; its id.
     */
    public static String incident(EventStore store, String exerciseId, Region region, IncidentFollowUp then) {
        String id = UUID.randomUUID().toString();
        java.util.ArrayList<Object> events = new java.util.ArrayList<>();
        events.add(new IncidentReportedEvent(
                id,
                region,
                "Usurpation",
                "Compte usurpé",
                Instant.parse("2025-11-21T17:30:00Z"),
                AttackVector.ACCOUNT_USURPATION,
                OperationalImpact.NONE,
                EntityKind.ARS,
                ObligationTerms.defaults(false),
                exerciseId));
        events.addAll(then.events(id));
        StoredEvents.append(
                store,
                "Incident",
                id,
                0,
                new Actor("sub-" + region.code(), "ars", "ARS", region.code()),
                ExerciseTag.metaData(exerciseId),
                events.toArray());
        return id;
    }

    /** What follows an incident's report, given its id. */
    @FunctionalInterface
    public interface IncidentFollowUp {
        List<Object> events(String incidentId);
    }
}
