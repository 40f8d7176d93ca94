package fr.ars.coord.platform.eventstore;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as each streaming processor reads it (its {@code source}): a processor that has caught up is woken
 * when events are appended, by this service or another ({@link AppendWakeUps}, fed by {@link PostgresAppendChannel}),
 * and reads at once.
 * <p>
 * Polling stays, as the fallback: a pooled processor told that its stream wakes it still reads at each of its own
 * rounds (the lesser of its claim interval and claim-extension threshold), and a blocking reader asks the store again
 * every {@code poll} at the latest. Each processor reads its own stream (the store keeps no shared cache, see
 * {@code EventStoreConfiguration}); without a wake-up, a reader would see another service's events only at its next
 * round.
 */
public final class WakingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final AppendWakeUps wakeUps;
    private final long pollMillis;

    public WakingEventSource(
            StreamableMessageSource<TrackedEventMessage<?>> store, AppendWakeUps wakeUps, Duration poll) {
        this.store = store;
        this.wakeUps = wakeUps;
        this.pollMillis = Math.max(1, poll.toMillis());
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new WakingStream(store.openStream(trackingToken), wakeUps, pollMillis);
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    /** A stream that calls its reader back when events are appended, and whose blocking waits end at a wake-up. */
    static final class WakingStream implements BlockingStream<TrackedEventMessage<?>> {

        private static final long NEVER = -1;

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private final AppendWakeUps wakeUps;
        private final long pollMillis;
        private volatile AppendWakeUps.Waiter waiter;
        /** The wake-up count when the store last answered "nothing", and when (its reader's thread only). */
        private long emptyAtWakeUp = NEVER;

        private long emptyAtNanos;

        WakingStream(BlockingStream<TrackedEventMessage<?>> stream, AppendWakeUps wakeUps, long pollMillis) {
            this.stream = stream;
            this.wakeUps = wakeUps;
            this.pollMillis = pollMillis;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            AppendWakeUps.Waiter current = waiter;
            if (current != null) {
                current.read();
            }
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                long woken = wakeUps.wakeUps();
                // a processor called back asks again after its own call, which comes later than the append under load
                long seen = current != null ? current.calls() : woken;
                if (!knownEmpty(seen)) {
                    if (stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                    answeredNothing(seen);
                }
                long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (leftMillis <= 0) {
                    return false;
                }
                wakeUps.await(woken, Math.min(leftMillis, untilNextPollMillis()));
            }
        }

        /**
         * Whether the store answered "nothing" since the last wake-up (of its processor, once called back: under load,
         * one per gap, see {@link AppendWakeUps}), less than a polling interval ago: asking again
         * would only repeat the answer (Axon's coordinator asks three to four times in a row once it has caught up,
         * each time a query and a transaction). Only when appends are pushed: without them, every ask is a poll.
         */
        private boolean knownEmpty(long seen) {
            return wakeUps.pushed()
                    && seen == emptyAtWakeUp
                    && System.nanoTime() - emptyAtNanos < TimeUnit.MILLISECONDS.toNanos(pollMillis);
        }

        private void answeredNothing(long seen) {
            emptyAtWakeUp = seen;
            emptyAtNanos = System.nanoTime();
        }

        private long untilNextPollMillis() {
            if (emptyAtWakeUp == NEVER) {
                return pollMillis;
            }
            long since = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - emptyAtNanos);
            return Math.max(1, Math.min(pollMillis, pollMillis - since));
        }

        /** The next event, if the store has one: what {@link #hasNextAvailable} would say, without asking twice. */
        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            try {
                return hasNextAvailable(0, TimeUnit.MILLISECONDS) ? stream.peek() : Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(Integer.MAX_VALUE, TimeUnit.MILLISECONDS)) {
                // waits again: nothing yet
            }
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        /** Supported when appends are pushed: the reader is called back at each wake-up until the stream closes. */
        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (!wakeUps.pushed()) {
                return false;
            }
            AppendWakeUps.Waiter previous = waiter;
            waiter = wakeUps.register(callback);
            emptyAtWakeUp = NEVER; // counted by the global count until now
            if (previous != null) {
                previous.cancel();
            }
            return true;
        }

        @Override
        public void close() {
            AppendWakeUps.Waiter current = waiter;
            if (current != null) {
                current.cancel();
            }
            stream.close();
        }
    }
}
