package fr.ars.coord.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.platform.processing.ViewChanges;
import fr.ars.coord.platform.testing.EmbeddedStores;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two "services" on one real PostgreSQL store: a writer appends, a reader's pooled processor reads. The reader's own
 * rounds are a minute apart unless a test says otherwise, so that only a wake-up can explain a prompt read.
 */
class AppendWakeUpTest {

    private static final String DATABASE = "append_wake_up";
    private static final Duration QUICKLY = Duration.ofSeconds(5);
    private static final AtomicInteger SERVICES = new AtomicInteger();
    private static DataSource dataSource;
    private static Serializer serializer;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final List<String> handled = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void store() {
        dataSource = EmbeddedStores.freshDatabase(DATABASE);
        serializer = EventStoreConfiguration.storedMessageSerializer();
        engine().createSchema(PostgresEventTableFactory.INSTANCE);
        tokenStore().createSchema(PostgresTokenTableFactory.INSTANCE);
    }

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        new JdbcTemplate(dataSource).update("DELETE FROM tokenentry");
    }

    private static ConnectionProvider connections() {
        return dataSource::getConnection;
    }

    private static JdbcEventStorageEngine engine() {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(connections())
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
    }

    private static JdbcTokenStore tokenStore() {
        return JdbcTokenStore.builder()
                .connectionProvider(connections())
                .serializer(serializer)
                .claimTimeout(Duration.ofSeconds(3))
                .build();
    }

    /**
     * A service's side of the store: its event store, wake-ups and channel (listening once started). Without
     * {@code push}, its appends are announced to no one and its readers are woken by nothing.
     */
    private final class Service {
        final EmbeddedEventStore store;
        final AppendWakeUps wakeUps;
        final PostgresAppendChannel channel;
        final String listenerName = "append-listener-under-test-" + SERVICES.incrementAndGet();

        Service(boolean push) {
            wakeUps = new AppendWakeUps(push);
            channel = new PostgresAppendChannel(
                    wakeUps,
                    dataSource,
                    () -> {
                        Properties properties = new Properties();
                        properties.setProperty("user", "postgres");
                        properties.setProperty("password", "postgres");
                        properties.setProperty("ApplicationName", listenerName);
                        return DriverManager.getConnection(EmbeddedStores.jdbcUrl(DATABASE), properties);
                    },
                    Duration.ofMillis(500));
            EmbeddedEventStore.Builder builder =
                    EmbeddedEventStore.builder().storageEngine(engine()).optimizeEventConsumption(false);
            store = push ? new AnnouncingEventStore(builder, channel::announce) : builder.build();
            opened.add(store::shutDown);
            opened.add(wakeUps);
            opened.add(channel::stop);
        }

        Service listening() {
            channel.start();
            await().atMost(QUICKLY).until(channel::listening);
            return this;
        }

        void append(String event) {
            DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(GenericEventMessage.asEventMessage(event)));
        }

        /** A pooled processor reading this service's store, its own rounds {@code roundMillis} apart. */
        PooledStreamingEventProcessor reader(long roundMillis) {
            PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                    .name("reader")
                    .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                            .eventHandlers(new Object() {
                                @EventHandler
                                void on(String event) {
                                    handled.add(event);
                                    if (event.startsWith("FR-")) {
                                        ViewChanges.touched(event);
                                    }
                                }
                            })
                            .build())
                    .messageSource(new WakingEventSource(store, wakeUps, Duration.ofMillis(100)))
                    .tokenStore(tokenStore())
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .coordinatorExecutor(Executors.newSingleThreadScheduledExecutor())
                    .workerExecutor(Executors.newScheduledThreadPool(1))
                    .initialSegmentCount(1)
                    .initialToken(StreamableMessageSource::createHeadToken)
                    .tokenClaimInterval(roundMillis)
                    .claimExtensionThreshold(roundMillis)
                    .build();
            processor.registerHandlerInterceptor(new ViewChanges(channel::viewsChanged));
            processor.start();
            opened.add(processor::shutDown);
            // its segment claimed and its stream open: waiting for a wake-up, or polled
            await().atMost(QUICKLY)
                    .until(() -> !processor.processingStatus().isEmpty()
                            && (wakeUps.pushed()
                                    ? wakeUps.waiting() == 1
                                    : processor.processingStatus().values().stream()
                                            .allMatch(s -> s.isCaughtUp())));
            return processor;
        }
    }

    @Test
    void anEventAppendedByAnotherServiceIsReadAtOnceNotAtTheReadersNextRound() {
        Service reader = new Service(true).listening();
        reader.reader(60_000);
        Service writer = new Service(true).listening();

        writer.append("compte bloqué");

        await().atMost(QUICKLY).until(() -> handled.contains("compte bloqué"));
        assertThat(reader.channel.received()).isPositive();

        // outside any unit of work: appended at once, announced once appended
        writer.store.publish(GenericEventMessage.asEventMessage("hameçonnage"));
        await().atMost(QUICKLY).until(() -> handled.contains("hameçonnage"));
    }

    @Test
    void anotherServiceCountsEveryAppendThoughItsNotificationsWereMerged() throws Exception {
        Service reader = new Service(true).listening();
        Service writer = new Service(true).listening();
        // the wake-up each gives when it starts listening, out of the second counted
        Thread.sleep(1_100);

        for (int i = 0; i < 50; i++) {
            writer.channel.announce();
        }

        // fewer notifications than appends (one in flight, one waiting), each telling how many it merged
        await().atMost(QUICKLY).until(() -> reader.wakeUps.appendsLastSecond() == 50);
        assertThat(reader.channel.received()).isBetween(1L, 50L);
        assertThat(writer.wakeUps.appendsLastSecond()).isEqualTo(50);
        // a notification of an earlier release names its sender only: one append; this JVM's own: none
        assertThat(reader.channel.appendsByOthers("another-sender")).isEqualTo(1);
        assertThat(reader.channel.appendsByOthers("another-sender#7")).isEqualTo(7);
        assertThat(reader.channel.appendsByOthers("another-sender#x")).isEqualTo(1);
    }

    @Test
    void nothingIsAnnouncedBeforeTheAppendCommitsNorForAnAppendRolledBack() throws Exception {
        Service reader = new Service(true).listening();
        reader.reader(60_000);
        Service writer = new Service(true).listening();

        DefaultUnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        writer.store.publish(GenericEventMessage.asEventMessage("annulé"));
        Thread.sleep(500);
        long received = reader.channel.received();
        unit.rollback();
        Thread.sleep(500);
        assertThat(reader.channel.received()).isEqualTo(received).isZero();

        unit = DefaultUnitOfWork.startAndGet(null);
        writer.store.publish(GenericEventMessage.asEventMessage("retenu"));
        Thread.sleep(500);
        assertThat(reader.channel.received()).isZero();
        assertThat(handled).isEmpty();
        unit.commit();

        await().atMost(QUICKLY).until(() -> handled.contains("retenu"));
        assertThat(handled).containsExactly("retenu");
    }

    @Test
    void withTheListeningConnectionLostTheReaderStillReadsByPollingThenListensAgain() {
        Service reader = new Service(true).listening();
        reader.reader(1_000);
        Service silentWriter = new Service(false);

        int terminated = new JdbcTemplate(dataSource)
                .queryForObject(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?",
                        Integer.class,
                        reader.listenerName);
        assertThat(terminated).isEqualTo(1);
        // appended while no one listens: read once listening again, or at the reader's next round
        silentWriter.append("pendant la coupure");
        await().atMost(QUICKLY).until(() -> handled.contains("pendant la coupure"));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> reader.channel.listening() && reader.channel.connections() == 2);

        // appended without a notification: read at the reader's next round
        long received = reader.channel.received();
        silentWriter.append("sans notification");
        await().atMost(QUICKLY).until(() -> handled.contains("sans notification"));
        assertThat(reader.channel.received()).isEqualTo(received);
    }

    @Test
    void withoutPushTheReaderPolls() {
        Service reader = new Service(false);
        reader.reader(60_000);
        Service writer = new Service(true).listening();

        writer.append("par sondage");

        // a stream that does not wake its reader: Axon's coordinator then asks it every half second
        await().atMost(QUICKLY).until(() -> handled.contains("par sondage"));
        assertThat(reader.wakeUps.waiting()).isZero();
    }

    @Test
    void announcementsMadeWhileOneIsSentAreSentAsOne() {
        Service reader = new Service(true).listening();
        Service writer = new Service(true);
        writer.channel.start();

        for (int i = 0; i < 1_000; i++) {
            writer.channel.announce();
        }

        await().atMost(QUICKLY).until(() -> reader.channel.received() >= 1);
        assertThat(reader.channel.received()).isLessThan(1_000);
    }

    @Test
    void aProcessorTellsTheScopesItsBatchChangedOnceCommitted() throws Exception {
        try (Connection console =
                        DriverManager.getConnection(EmbeddedStores.jdbcUrl(DATABASE), "postgres", "postgres");
                Statement listen = console.createStatement()) {
            listen.execute("LISTEN " + PostgresAppendChannel.VIEWS_CHANGED);
            Service reader = new Service(true).listening();
            reader.reader(60_000);
            Service writer = new Service(true).listening();

            writer.append("FR-NOR");

            await().atMost(QUICKLY).until(() -> handled.contains("FR-NOR"));
            List<String> payloads = new ArrayList<>();
            await().atMost(QUICKLY).until(() -> {
                PGNotification[] arrived = console.unwrap(PGConnection.class).getNotifications(100);
                for (PGNotification notification : arrived == null ? new PGNotification[0] : arrived) {
                    payloads.add(notification.getParameter());
                }
                return !payloads.isEmpty();
            });
            // what the handler said, and what the event says (a plain text: national)
            assertThat(payloads).containsExactly("FR-NOR,national");
        }
    }

    @Test
    void aWakeUpTheReaderDidNotHearIsRepeatedAFewTimesThenLeftToItsRounds() throws Exception {
        try (AppendWakeUps wakeUps = new AppendWakeUps(true)) {
            AtomicInteger deaf = new AtomicInteger();
            wakeUps.register(deaf::incrementAndGet);
            AtomicInteger attentive = new AtomicInteger();
            AppendWakeUps.Waiter[] reads = new AppendWakeUps.Waiter[1];
            reads[0] = wakeUps.register(() -> {
                attentive.incrementAndGet();
                reads[0].read();
            });

            wakeUps.wakeAll();
            Thread.sleep(20 * AppendWakeUps.REPEAT_AFTER_MILLIS);

            assertThat(deaf).hasValue(6);
            assertThat(attentive).hasValue(1);
        }
    }

    @Test
    void theGapBetweenWakeUpsGrowsWithTheRateOnABusyMachineOnly() {
        try (AppendWakeUps wakeUps = new AppendWakeUps(true, 60, 0.8, Duration.ofMillis(200), () -> 0)) {
            assertThat(wakeUps.gapAt(30, 1.0)).isZero();
            assertThat(wakeUps.gapAt(60, 1.0)).isZero();
            assertThat(wakeUps.gapAt(90, 1.0)).isEqualTo(Duration.ofMillis(100).toNanos());
            assertThat(wakeUps.gapAt(120, 0.9)).isEqualTo(Duration.ofMillis(200).toNanos());
            assertThat(wakeUps.gapAt(5_000, 0.9))
                    .isEqualTo(Duration.ofMillis(200).toNanos());
            // a machine with cores to spare handles every append at once, however many
            assertThat(wakeUps.gapAt(5_000, 0.5)).isZero();
            assertThat(wakeUps.gapAt(5_000, 0.8)).isZero();
        }
        try (AppendWakeUps never = new AppendWakeUps(true)) {
            assertThat(never.gapAt(1_000_000, 1.0)).isZero();
        }
    }

    @Test
    void underAFloodOnABusyMachineAWaiterIsWokenOncePerGapAndTheLastWakeUpIsNotLost() throws Exception {
        AtomicReference<Double> load = new AtomicReference<>(0.3);
        try (AppendWakeUps wakeUps = new AppendWakeUps(true, 10, 0.5, Duration.ofMillis(150), load::get)) {
            List<Long> calledAt = new CopyOnWriteArrayList<>();
            AppendWakeUps.Waiter[] waiter = new AppendWakeUps.Waiter[1];
            waiter[0] = wakeUps.register(() -> {
                calledAt.add(System.nanoTime());
                waiter[0].read();
            });

            // a flood on a machine with cores to spare: each append wakes at once
            for (int i = 0; i < 40; i++) {
                wakeUps.wakeAll();
            }
            assertThat(calledAt).hasSize(40);
            assertThat(wakeUps.gapNanos()).isZero();

            // the CPU busy (read once per tenth of a second) and the flood going on: the longest gap
            load.set(0.95);
            await().atMost(QUICKLY).until(() -> {
                wakeUps.wakeAll();
                Thread.sleep(20);
                return wakeUps.gapNanos() == Duration.ofMillis(150).toNanos();
            });
            Thread.sleep(400); // any wake-up put off meanwhile has come

            // more appends: woken by the first (the gap since the last call has passed), then once, the longest gap
            // later, for all the others
            calledAt.clear();
            for (int i = 0; i < 50; i++) {
                wakeUps.wakeAll();
            }
            await().atMost(QUICKLY).until(() -> calledAt.size() >= 2);
            Thread.sleep(200);
            assertThat(calledAt).hasSize(2);
            assertThat(calledAt.get(1) - calledAt.get(0))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(150).toNanos());
        }
    }
}
