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
 * The event store as each tracking processor reads it (its {@code source}): while caught up, a processor asks the
 * store again every {@code poll} instead of waiting for Axon's whole availability timeout (one second). Each
 * processor reads its own stream (the store keeps no shared cache, see {@code EventStoreConfiguration}), and its
 * stream is woken by nothing when another service appends: without this, an event recorded by incident-service
 * reached region-service's projection half a second later on average.
 */
public final class PollingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final long pollMillis;

    public PollingEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, Duration poll) {
        this.store = store;
        this.pollMillis = Math.max(1, poll.toMillis());
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new PollingStream(store.openStream(trackingToken), pollMillis);
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

    /** A stream whose waits for the next event are cut into polls of at most {@code pollMillis}. */
    static final class PollingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private final long pollMillis;

        PollingStream(BlockingStream<TrackedEventMessage<?>> stream, long pollMillis) {
            this.stream = stream;
            this.pollMillis = pollMillis;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (stream.hasNextAvailable(
                        (int) Math.max(0, Math.min(leftMillis, pollMillis)), TimeUnit.MILLISECONDS)) {
                    return true;
                }
                if (System.nanoTime() >= deadline) {
                    return false;
                }
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return stream.setOnAvailableCallback(callback);
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
