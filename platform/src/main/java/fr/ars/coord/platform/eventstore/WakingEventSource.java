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

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private final AppendWakeUps wakeUps;
        private final long pollMillis;
        private volatile AppendWakeUps.Waiter waiter;

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
                long seen = wakeUps.wakeUps();
                if (stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
                    return true;
                }
                long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (leftMillis <= 0) {
                    return false;
                }
                wakeUps.await(seen, Math.min(leftMillis, pollMillis));
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
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
