package fr.ars.coord.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A caught-up reader asks the store again only when something may have changed: after a wake-up, or once a polling
 * interval has passed. Each ask of the store here is counted (each is a query and a transaction on the real one).
 */
class WakingStreamTest {

    private final StoreStream store = new StoreStream();
    private final AppendWakeUps wakeUps = new AppendWakeUps(true);

    @AfterEach
    void close() {
        wakeUps.close();
    }

    @Test
    void aReaderThatFoundNothingDoesNotAskAgainUntilWoken() throws Exception {
        var stream = new WakingEventSource.WakingStream(store, wakeUps, 60_000);

        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
        // Axon's coordinator asks three more times in a row, and peeks
        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(stream.peek()).isEmpty();
        assertThat(store.asked.get()).isEqualTo(1);

        store.append(7);
        wakeUps.wakeAll();
        assertThat(stream.peek())
                .hasValueSatisfying(e -> assertThat(e.getPayload()).isEqualTo(7));
        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo(7);
        // the event was read: the next ask goes to the store, which has nothing more, and that answer holds
        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(store.asked.get()).isEqualTo(3);
    }

    @Test
    void anAppendNobodyAnnouncedIsFoundAtTheNextPoll() throws Exception {
        var stream = new WakingEventSource.WakingStream(store, wakeUps, 50);
        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();

        store.append(8); // appended by a process that announces nothing
        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
        Thread.sleep(60);
        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isTrue();

        // a blocking reader finds it too, within its wait, without being woken
        StoreStream other = new StoreStream();
        var blocking = new WakingEventSource.WakingStream(other, wakeUps, 50);
        assertThat(blocking.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
        other.append(9);
        long start = System.nanoTime();
        assertThat(blocking.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(500);
    }

    @Test
    void withoutPushEveryAskIsAPoll() throws Exception {
        try (AppendWakeUps polling = new AppendWakeUps(false)) {
            var stream = new WakingEventSource.WakingStream(store, polling, 60_000);
            for (int i = 0; i < 4; i++) {
                assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
            }
            assertThat(store.asked.get()).isEqualTo(4);
        }
    }

    /**
     * The store as a processor's private stream sees it: asked with no event in hand, it queries (counted), and
     * keeps the event found in hand until it is taken.
     */
    private static final class StoreStream implements BlockingStream<TrackedEventMessage<?>> {

        final Deque<TrackedEventMessage<?>> events = new ArrayDeque<>();
        final AtomicInteger asked = new AtomicInteger();
        private boolean inHand;
        private long position;

        void append(int payload) {
            events.add(new GenericTrackedEventMessage<>(
                    new GlobalSequenceTrackingToken(position++), GenericEventMessage.asEventMessage(payload)));
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return hasNextAvailable(0, TimeUnit.MILLISECONDS) ? Optional.of(events.peek()) : Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            if (!inHand) {
                asked.incrementAndGet();
                inHand = !events.isEmpty();
            }
            return inHand;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            inHand = false;
            return events.poll();
        }

        @Override
        public void close() {}
    }
}
