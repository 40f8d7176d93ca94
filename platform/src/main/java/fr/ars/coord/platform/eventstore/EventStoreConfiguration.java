package fr.ars.coord.platform.eventstore;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.platform.command.IdempotentCommands;
import fr.ars.coord.platform.command.RequestMetadata;
import fr.ars.coord.platform.processing.ViewChanges;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Axon on the shared PostgreSQL event store (JDBC engine, schema by Flyway), messages serialized as JSON with
 * Jackson 3. The serializer has its own lenient mapper: stored events must stay readable when a later version
 * adds fields, whatever strictness the web layer applies to requests. It writes what the Jackson 2 serializer
 * of earlier releases wrote (properties in declaration order, instants as ISO-8601 strings), so events, metadata,
 * tokens and snapshots stored by either read back with the other.
 */
@AutoConfiguration(before = {JdbcAutoConfiguration.class, AxonAutoConfiguration.class})
public class EventStoreConfiguration {

    /**
     * How stored messages are (de)serialized. Axon's own tokens carry polymorphic fields ({@code ReplayToken}'s
     * context, a {@code MultiSourceTrackingToken}'s parts) that Jackson 3's default validator would refuse:
     * a processor could then not read back its own token after a reset. Only Axon's and the JDK's types are
     * allowed there.
     */
    static final Jackson3SerializerCustomizer STORED_MESSAGES =
            builder -> builder.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                            .allowIfSubType("org.axonframework.")
                            .allowIfSubType("java.")
                            .build());

    static Serializer storedMessageSerializer() {
        return Jackson3Serializer.builder()
                .jsonMapperBuilderCustomizer(STORED_MESSAGES)
                .build();
    }

    @Bean
    @Primary
    @Qualifier("serializer")
    Serializer serializer() {
        return storedMessageSerializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return storedMessageSerializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return storedMessageSerializer();
    }

    /** Axon's JDBC engine on the Flyway-managed tables (default Axon names), with PostgreSQL duplicate detection. */
    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer serializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .build();
    }

    /**
     * The event store. Each processor reads its own stream from the store: Axon's shared in-memory cache
     * ({@code optimizeEventConsumption}) has its producer read ahead to the end of the store whatever its consumers'
     * pace, and a processor far behind keeps every node since its position reachable; a million events appended at
     * once (an import, a burst) filled region-service's and notification-service's heaps with them (Axon issue 2954).
     * The cost is one query per processor per read instead of one per service. What this service appends is
     * announced once committed ({@link AnnouncingEventStore}, {@link PostgresAppendChannel}); {@code fetch-delay} is
     * how often a blocking reader asks the store again without being woken.
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(
            EventStorageEngine storageEngine,
            Configuration configuration,
            ObjectProvider<PostgresAppendChannel> appendChannel,
            @Value("${ars.eventstore.fetch-delay:PT0.1S}") Duration fetchDelay) {
        EmbeddedEventStore.Builder builder = EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis())
                .optimizeEventConsumption(false);
        PostgresAppendChannel channel = appendChannel.getIfAvailable();
        return channel == null ? builder.build() : new AnnouncingEventStore(builder, channel::announce);
    }

    /**
     * Who waits in this JVM for appended events; woken by the store's channel unless {@code ars.eventstore.push} is off;
     * in batches above {@code ars.eventstore.batch-above} appends a second while the CPU is busier than {@code
     * ars.eventstore.batch-above-cpu} (see {@link AppendWakeUps}).
     */
    @Bean(destroyMethod = "close")
    AppendWakeUps appendWakeUps(
            @Value("${ars.eventstore.push:true}") boolean push,
            @Value("${ars.eventstore.batch-above:60}") long batchAbove,
            @Value("${ars.eventstore.batch-above-cpu:0.8}") double busyAbove,
            @Value("${ars.eventstore.longest-gap:PT0.2S}") Duration longestGap) {
        return new AppendWakeUps(push, batchAbove, busyAbove, longestGap, AppendWakeUps.hostCpuLoad());
    }

    /**
     * The store's {@code LISTEN/NOTIFY} channel. It listens on a connection of its own, opened with the service's
     * credentials ({@code spring.datasource.*}): a pooler in transaction mode in front of PostgreSQL would not
     * keep a {@code LISTEN}; point the services at PostgreSQL itself, or turn {@code ars.eventstore.push} off.
     */
    @Bean
    @ConditionalOnProperty(name = "ars.eventstore.push", havingValue = "true", matchIfMissing = true)
    PostgresAppendChannel appendChannel(
            AppendWakeUps wakeUps,
            DataSource dataSource,
            @Value("${spring.datasource.url}") String url,
            @Value("${spring.datasource.username:}") String username,
            @Value("${spring.datasource.password:}") String password,
            @Value("${ars.eventstore.listen-check-every:PT10S}") Duration checkEvery) {
        return new PostgresAppendChannel(
                wakeUps, dataSource, () -> DriverManager.getConnection(url, username, password), checkEvery);
    }

    /** Every processor tells, after each batch, which scopes of read models it changed (the console's live pages). */
    @Bean
    ConfigurerModule viewChanges(ObjectProvider<PostgresAppendChannel> appendChannel) {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, processor) ->
                        new ViewChanges(scopes -> appendChannel.ifAvailable(channel -> channel.viewsChanged(scopes))));
    }

    /** What each streaming processor reads (its {@code source} in the services' settings); see {@link WakingEventSource}. */
    @Bean
    WakingEventSource processorEventSource(
            EmbeddedEventStore eventStore,
            AppendWakeUps wakeUps,
            @Value("${ars.eventstore.fetch-delay:PT0.1S}") Duration fetchDelay) {
        return new WakingEventSource(eventStore, wakeUps, fetchDelay);
    }

    @Bean
    IdempotentCommands idempotentCommands(
            CommandGateway commandGateway,
            EventStore eventStore,
            @Value("${ars.idempotency.id-secret:}") String idSecret) {
        return new IdempotentCommands(commandGateway, eventStore, idSecret);
    }

    @Bean
    PersistenceExceptionResolver postgresDuplicateKeyResolver() {
        return new PostgresDuplicateKeyResolver();
    }

    /** Correlation ids, and who did it: the actor's entries travel from each command to its events. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider actorCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(List.of(
                        Actor.SUBJECT,
                        Actor.USERNAME,
                        Actor.ORG,
                        Actor.REGION,
                        RequestMetadata.IDEMPOTENCY_KEY,
                        RequestMetadata.REQUEST_FINGERPRINT)
                .toArray(String[]::new));
    }
}
