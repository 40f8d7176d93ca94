package fr.ars.coord.platform.processing;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several instances of a service share its processors' segments ({@link SegmentBalancer}), a round every
 * {@code ars.processing.balance-interval} once the service is ready.
 */
@AutoConfiguration(after = AxonAutoConfiguration.class)
@ConditionalOnBean(TokenStore.class)
public class ScaleOutConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ScaleOutConfiguration.class);

    @Bean
    SegmentBalancer segmentBalancer(
            EventProcessingConfiguration processing,
            TokenStore tokens,
            JdbcTemplate jdbc,
            @Value("${spring.application.name}") String service,
            @Value("${ars.processing.segments:4}") int segments,
            @Value("${ars.processing.instance-alive-within:PT7S}") Duration aliveWithin,
            @Value("${ars.processing.release-for:PT5S}") Duration releaseFor) {
        return new SegmentBalancer(
                processing, tokens, jdbc, service, segments, aliveWithin, releaseFor, Clock.systemUTC());
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService segmentBalancing() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> startSegmentBalancing(
            SegmentBalancer balancer,
            ScheduledExecutorService segmentBalancing,
            @Value("${ars.processing.balance-interval:PT3S}") Duration interval) {
        return ready -> segmentBalancing.scheduleWithFixedDelay(
                () -> {
                    try {
                        balancer.balance();
                    } catch (RuntimeException e) {
                        // the store is down, or a claim moved meanwhile: the next round
                        log.debug("segment balancing round skipped: {}", e.toString());
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }
}
