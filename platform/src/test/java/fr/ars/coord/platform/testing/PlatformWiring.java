package fr.ars.coord.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What a service must run on, checked in its started context: Axon's JDBC event store and token store on
 * PostgreSQL within Spring's transactions, the Flyway schema, JSON by Jackson 3, and the configured MongoDB
 * database. Each is a fallback an upgrade can cause silently (Axon backing off to an in-memory token store or
 * to no transactions, Flyway's auto-configuration missing, the MongoDB URI read under another key).
 */
public final class PlatformWiring {

    private PlatformWiring() {}

    public static void verify(ApplicationContext context, String readModelDatabase) {
        assertThat(context.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(context.getBean(TransactionManager.class)).isInstanceOf(SpringTransactionManager.class);
        assertThat(context.getBean(PlatformTransactionManager.class)).isInstanceOf(JdbcTransactionManager.class);
        Map<String, Serializer> serializers = context.getBeansOfType(Serializer.class);
        assertThat(serializers).containsKeys("serializer", "eventSerializer", "messageSerializer");
        assertThat(serializers.values()).allSatisfy(s -> assertThat(s).isInstanceOf(Jackson3Serializer.class));

        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        Map<String, EventProcessor> processors = processing.eventProcessors();
        assertThat(processors).isNotEmpty();
        processors
                .keySet()
                .forEach(name -> assertThat(processing.tokenStore(name))
                        .as("token store of %s", name)
                        .isInstanceOf(JdbcTokenStore.class));
        // the segment balancer splits every streaming processor into several segments: only a pooled processor
        // works them all (a tracking one left to its defaults has one thread, and the other segments wait for ever)
        processors.forEach((name, processor) -> {
            if (processor instanceof org.axonframework.eventhandling.StreamingEventProcessor) {
                assertThat(processor)
                        .as("processor %s (give it mode: pooled in application.yml)", name)
                        .isInstanceOf(org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor.class);
            }
        });

        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success", String.class))
                .as("migrations applied by Flyway")
                .contains("1", "2");

        assertThat(context.getBean(MongoTemplate.class).getDb().getName()).isEqualTo(readModelDatabase);
    }
}
