package fr.ars.coord.platform.processing;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.platform.StoreOutage;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import tools.jackson.core.exc.StreamReadException;

class RetryOnStoreOutageTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private TrackingEventProcessor processor;

    @AfterEach
    void stop() {
        if (processor != null) {
            processor.shutDown();
        }
        store.shutDown();
    }

    /** Records what it handled; fails on {@code failing} while {@code failures} lasts, with {@code failure}. */
    static final class Projection {
        final List<String> handled = new CopyOnWriteArrayList<>();
        final AtomicInteger attempts = new AtomicInteger();
        final String failing;
        final int failures;
        final RuntimeException failure;

        Projection(String failing, int failures, RuntimeException failure) {
            this.failing = failing;
            this.failures = failures;
            this.failure = failure;
        }

        @EventHandler
        void on(String event) {
            if (event.equals(failing) && attempts.incrementAndGet() <= failures) {
                throw failure;
            }
            handled.add(event);
        }
    }

    private void run(Projection projection, String... events) {
        processor = TrackingEventProcessor.builder()
                .name("projection")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(projection)
                        .listenerInvocationErrorHandler(new RetryOnStoreOutage())
                        .build())
                .messageSource(store)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andEventAvailabilityTimeout(100, MILLISECONDS))
                .build();
        processor.start();
        for (String event : events) {
            store.publish(GenericEventMessage.asEventMessage(event));
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void aStoreOutageHoldsTheProcessorOnTheEventUntilTheStoreIsBackAndSkipsNothing() throws Exception {
        Projection projection =
                new Projection("b", 2, new DataAccessResourceFailureException("Timed out while waiting for a server"));
        run(projection, "a", "b", "c", "d");

        waitFor(() -> projection.handled.size() == 4);
        assertThat(projection.handled).containsExactly("a", "b", "c", "d");
        assertThat(projection.attempts).hasValue(3);
    }

    @Test
    void aFailureOfTheEventItselfIsLoggedAndTheProcessorGoesOn() throws Exception {
        Projection projection = new Projection("b", Integer.MAX_VALUE, new IllegalStateException("no such region"));
        run(projection, "a", "b", "c", "d");

        waitFor(() -> projection.handled.size() == 3);
        Thread.sleep(300);
        assertThat(projection.handled).containsExactly("a", "c", "d");
        assertThat(projection.attempts).hasValue(1);
    }

    @Test
    void storeOutagesAreToldApartFromFailuresThatWouldHappenAgain() {
        assertThat(StoreOutage.explains(new EventStoreException(
                        "read failed",
                        new SQLException("terminating connection due to administrator command", "57P01"))))
                .isTrue();
        assertThat(StoreOutage.explains(new SQLException("connection refused", "08001")))
                .isTrue();
        assertThat(StoreOutage.explains(new RuntimeException(new ConnectException("refused"))))
                .isTrue();
        assertThat(StoreOutage.explains(new SQLException("duplicate key value", "23505")))
                .isFalse();
        assertThat(StoreOutage.explains(new DataIntegrityViolationException("duplicate")))
                .isFalse();
        assertThat(StoreOutage.explains(new StreamReadException(null, "unexpected character")))
                .isFalse();
        assertThat(StoreOutage.explains(new IllegalArgumentException("unknown region")))
                .isFalse();
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(StoreOutage.explains(first)).isFalse();
    }
}
