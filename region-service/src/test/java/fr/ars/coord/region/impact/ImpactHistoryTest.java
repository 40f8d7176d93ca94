package fr.ars.coord.region.impact;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentAssessedEvent;
import fr.ars.coord.contracts.incident.IncidentReportedEvent;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.contracts.region.Region;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

/** An {@code asOf} reads the history up to its instant (and a commit margin), and answers as a full read would. */
class ImpactHistoryTest {

    private static final Instant T0 = Instant.parse("2025-11-21T17:00:00Z");

    private final InMemoryEventStorageEngine store = new InMemoryEventStorageEngine();
    private final AtomicInteger read = new AtomicInteger();

    @Test
    void stopsReadingPastTheInstantAndKeepsEventsCommittedLateWithinTheMargin() {
        String a = "a-" + UUID.randomUUID();
        String b = "b-" + UUID.randomUUID();
        append(a, 0, reported(a, "FR-HDF"), T0);
        append(a, 1, assessed(a, "FR-HDF", 100), T0.plus(Duration.ofMinutes(10)));
        append(b, 0, reported(b, "FR-NOR"), T0.plus(Duration.ofMinutes(42)));
        // stamped before b's report but committed after it
        append(a, 2, assessed(a, "FR-HDF", 12000), T0.plus(Duration.ofMinutes(40)));
        for (int i = 0; i < 50; i++) {
            append(b, 1 + i, assessed(b, "FR-NOR", 7500 + i), T0.plus(Duration.ofHours(2 + i)));
        }
        Instant asOf = T0.plus(Duration.ofMinutes(41));

        ImpactHistory.Snapshot bounded = history(Duration.ofMinutes(5)).asOf(asOf, snapshot -> snapshot);
        int boundedReads = read.getAndSet(0);
        ImpactHistory.Snapshot everything = history(Duration.ofDays(365 * 100)).asOf(asOf, snapshot -> snapshot);

        assertThat(bounded).isEqualTo(everything);
        assertThat(bounded.impacts()).containsOnlyKeys(a);
        assertThat(bounded.impacts().get(a).estimatedPatients()).isEqualTo(12000);
        assertThat(boundedReads).isEqualTo(5); // four events up to the margin, and the first one past it
        assertThat(read.get()).isEqualTo(54);
    }

    @Test
    void oneWholePictureAtATime() throws Exception {
        String a = "a-" + UUID.randomUUID();
        append(a, 0, reported(a, "FR-HDF"), T0);
        java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ImpactHistory history = history(Duration.ofMinutes(5), () -> {
            reading.countDown();
            await(release);
        });
        Thread rebuild = new Thread(() -> history.foldAll(folded -> {}));
        rebuild.start();
        reading.await();

        // while a rebuild holds the whole picture, an asOf waits its turn, then is told to come back
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> history.asOf(T0.plusSeconds(60), snapshot -> snapshot)))
                .isInstanceOf(fr.ars.coord.platform.rules.TooManyRequestsException.class);
        // and the background snapshot simply waits for its next turn
        assertThat(history.takeSnapshot(T0.plus(Duration.ofDays(1)))).isEmpty();

        release.countDown();
        rebuild.join();
        assertThat(history.asOf(T0.plusSeconds(60), snapshot -> snapshot).impacts())
                .containsOnlyKeys(a);
    }

    @Test
    void theBackgroundSnapshotReadsNoEventUntilEnoughFollowedTheLastOne() {
        String a = "a-" + UUID.randomUUID();
        for (int i = 0; i < 40; i++) {
            append(a, i, i == 0 ? reported(a, "FR-HDF") : assessed(a, "FR-HDF", i), T0.plusSeconds(i));
        }
        // one every 50 events: 40 are not enough, and the store's head says so without reading them
        assertThat(history(Duration.ofMinutes(5), () -> {}, 50).takeSnapshot(T0.plus(Duration.ofDays(1))))
                .isEmpty();
        assertThat(read.get()).isZero();

        // one every 40: they are read, and make it
        assertThat(history(Duration.ofMinutes(5), () -> {}, 40).takeSnapshot(T0.plus(Duration.ofDays(1))))
                .hasValueSatisfying(snapshot -> assertThat(snapshot.upTo()).isEqualTo(39));
        assertThat(read.get()).isEqualTo(40);
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ImpactHistory history(Duration margin) {
        return history(margin, () -> {});
    }

    /** {@code onRead} runs as each event is read. */
    private ImpactHistory history(Duration margin, Runnable onRead) {
        return history(margin, onRead, 50_000);
    }

    /** A history taking a snapshot every {@code snapshotEvery} events. */
    private ImpactHistory history(Duration margin, Runnable onRead, long snapshotEvery) {
        EventStorageEngine counting = (EventStorageEngine) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {EventStorageEngine.class}, (proxy, method, args) -> {
                    Object result = method.invoke(store, args);
                    return method.getName().equals("readEvents")
                                    && result instanceof Stream<?> stream
                                    && args.length == 2
                                    && args[1] instanceof Boolean
                            ? stream.peek(m -> {
                                read.incrementAndGet();
                                onRead.run();
                            })
                            : result;
                });
        ImpactSnapshotStore none = org.mockito.Mockito.mock(ImpactSnapshotStore.class);
        org.mockito.Mockito.when(none.latestServing(org.mockito.ArgumentMatchers.any()))
                .thenReturn(java.util.Optional.empty());
        org.mockito.Mockito.when(none.latest()).thenReturn(java.util.Optional.empty());
        return new ImpactHistory(counting, none, margin, snapshotEvery, Duration.ofMillis(200));
    }

    private void append(String incident, long sequence, Object event, Instant at) {
        store.appendEvents(new GenericDomainEventMessage<>(
                "Incident",
                incident,
                sequence,
                event,
                MetaData.emptyInstance(),
                UUID.randomUUID().toString(),
                at));
    }

    private static IncidentReportedEvent reported(String id, String region) {
        return new IncidentReportedEvent(
                id,
                Region.of(region),
                "Usurpation",
                "Compte usurpé",
                T0,
                AttackVector.ACCOUNT_USURPATION,
                OperationalImpact.NONE);
    }

    private static IncidentAssessedEvent assessed(String id, String region, long patients) {
        return new IncidentAssessedEvent(
                id, Region.of(region), java.util.Set.of(ExposedDataItem.EMAIL), false, patients, List.of(), null);
    }
}
