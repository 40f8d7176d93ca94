package fr.ars.coord.region.impact;

import fr.ars.coord.contracts.incident.IncidentEvent;
import fr.ars.coord.contracts.incident.ObligationFacts;
import fr.ars.coord.platform.processing.RealCrisesOnly;
import fr.ars.coord.platform.rules.TooManyRequestsException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rebuilds incident impacts straight from the event store, keeping only events recorded up to an instant:
 * what the national cell could know then. Uses the same merge as the live projection.
 * <p>
 * The cost of an {@code asOf} is bounded on both sides. It starts from the latest {@link ImpactSnapshot} taken
 * before the instant (one every {@code snapshotEvery} events, see {@link #takeSnapshot}), not from the first event.
 * And the store is read in the order events were appended, which follows their timestamps except for an event
 * whose transaction committed after later ones had: reading stops at the first event stamped more than
 * {@code commitMargin} after the instant. A snapshot covers only events older than that margin when it is taken.
 */
@Component
public class ImpactHistory {

    private final EventStorageEngine events;
    private final ImpactSnapshotStore snapshots;
    private final Duration commitMargin;
    private final long snapshotEvery;
    /**
     * Whole pictures held in memory at once: one at a time (an {@code asOf}, a snapshot being taken, a rebuild),
     * so that the heap holds one picture of every incident, not one per concurrent caller.
     */
    private final Semaphore wholePictures = new Semaphore(1, true);

    private final Duration asOfWait;

    public ImpactHistory(
            EventStorageEngine events,
            ImpactSnapshotStore snapshots,
            @Value("${ars.national.as-of-commit-margin:PT5M}") Duration commitMargin,
            @Value("${ars.national.snapshot-every:20000}") long snapshotEvery,
            @Value("${ars.national.as-of-wait:PT20S}") Duration asOfWait) {
        this.events = events;
        this.snapshots = snapshots;
        this.commitMargin = commitMargin;
        this.snapshotEvery = snapshotEvery;
        this.asOfWait = asOfWait;
    }

    /**
     * {@code use} applied to the picture as of an instant, while it is the one whole picture in memory; waits its
     * turn behind others, {@code 429} beyond a while.
     */
    public <T> T asOf(Instant asOf, Function<Snapshot, T> use) {
        return holdingWholePicture(() -> {
            Folded folded = fold(snapshots.latestServing(asOf).orElse(null), asOf, null, Long.MAX_VALUE);
            return use.apply(new Snapshot(folded.impacts(), folded.position()));
        });
    }

    /** Every incident event recorded so far, and the token of the last event read, given to {@code use} (waits). */
    public void foldAll(Consumer<Folded> use) {
        wholePictures.acquireUninterruptibly();
        try {
            use.accept(fold(null, null, null, Long.MAX_VALUE));
        } finally {
            wholePictures.release();
        }
    }

    /**
     * Runs {@code work} that holds every incident's impact in memory (an {@code asOf}, the suggestions) as the one
     * whole picture of the moment: waits its turn, {@code 429} beyond a while.
     */
    public <T> T holdingWholePicture(Supplier<T> work) {
        if (!acquire(asOfWait)) {
            throw new TooManyRequestsException(
                    "The national picture is being rebuilt or another whole picture is being"
                            + " computed; retry in a few seconds.",
                    Duration.ofSeconds(5));
        }
        try {
            return work.get();
        } finally {
            wholePictures.release();
        }
    }

    /**
     * Takes the next snapshot when {@code snapshotEvery} events older than the commit margin followed the last one:
     * it covers exactly those. Returns it, or empty when there were not enough or another whole picture is being
     * built (it is taken at a later call); called again, it takes the next.
     */
    public Optional<ImpactSnapshot> takeSnapshot(Instant now) {
        if (!wholePictures.tryAcquire()) {
            return Optional.empty();
        }
        try {
            ImpactSnapshot last = snapshots.latest().orElse(null);
            long from = last == null ? 0 : last.upTo() + 1;
            // the store's head bounds how many events followed: fewer than needed, nothing is read
            TrackingToken head = events.createHeadToken();
            long headPosition = head == null ? -1 : head.position().orElse(-1);
            if (headPosition - from + 1 < snapshotEvery) {
                return Optional.empty();
            }
            Folded folded = fold(last, null, now.minus(commitMargin), snapshotEvery);
            long upTo = folded.token() == null ? -1 : folded.token().position().orElse(-1);
            if (upTo - from + 1 < snapshotEvery) {
                return Optional.empty();
            }
            ImpactSnapshot next = new ImpactSnapshot(upTo, folded.recordedUntil(), folded.position(), folded.impacts());
            snapshots.save(next);
            return Optional.of(next);
        } finally {
            wholePictures.release();
        }
    }

    private boolean acquire(Duration wait) {
        try {
            return wholePictures.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Folds at most {@code limit} events after {@code start} (or from the first): those stamped up to {@code asOf}
     * when given, until one is stamped beyond {@code asOf} plus the commit margin; or, with {@code olderThan}, the
     * events up to the first one stamped after it.
     */
    private Folded fold(ImpactSnapshot start, Instant asOf, Instant olderThan, long limit) {
        Map<String, IncidentImpact> impacts = start == null ? new HashMap<>() : new HashMap<>(start.impacts());
        long position = start == null ? -1 : start.position();
        Instant recordedUntil = start == null ? Instant.EPOCH : start.recordedUntil();
        TrackingToken last = null;
        TrackingToken from = start == null ? null : GapAwareTrackingToken.newInstance(start.upTo(), List.of());
        Instant readUntil = asOf == null ? olderThan : asOf.plus(commitMargin);
        long read = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(from, false)) {
            Iterator<? extends TrackedEventMessage<?>> messages = stream.iterator();
            while (read < limit && messages.hasNext()) {
                read++;
                TrackedEventMessage<?> message = messages.next();
                if (readUntil != null && message.getTimestamp().isAfter(readUntil)) {
                    break;
                }
                last = message.trackingToken();
                if (message.getTimestamp().isAfter(recordedUntil)) {
                    recordedUntil = message.getTimestamp();
                }
                if ((asOf != null && message.getTimestamp().isAfter(asOf))
                        || RealCrisesOnly.inExercise(message)
                        || !(message.getPayload() instanceof IncidentEvent event)
                        || !(message instanceof DomainEventMessage<?> domain)) {
                    continue;
                }
                ObligationFacts.Recorded recorded = new ObligationFacts.Recorded(
                        message.getIdentifier(), domain.getSequenceNumber(), message.getTimestamp());
                impacts.merge(
                        event.incidentId(),
                        IncidentImpact.first(event, recorded),
                        (existing, ignored) -> existing.merge(event, recorded));
                position = Math.max(position, message.trackingToken().position().orElse(position));
            }
        }
        return new Folded(impacts, position, last, recordedUntil);
    }

    public record Snapshot(Map<String, IncidentImpact> impacts, long position) {}

    /**
     * Impacts folded from the events, the last incident event's position, the last event's token, and the latest
     * timestamp of the events read.
     */
    public record Folded(
            Map<String, IncidentImpact> impacts, long position, TrackingToken token, Instant recordedUntil) {}
}
