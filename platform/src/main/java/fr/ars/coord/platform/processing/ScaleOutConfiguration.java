package fr.ars.coord.platform.processing;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.ConfigurerModule;
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
 * {@code ars.processing.balance-interval} once the service is ready, and take over a dead instance's within seconds.
 * <p>
 * How fast, and why it stays safe (the defaults; {@code docs/architecture.md}, "several instances"):
 * <ul>
 *   <li>a segment's owner renews its claim every {@code ars.processing.claim-extension} (1 s) while idle, and at each
 *       batch; while a batch runs long, its coordinator renews it for it, so a live owner loses its claim only if its
 *       JVM stalls for longer than the claim timeout less one renewal (2 s);</li>
 *   <li>the token store's claim timeout ({@code axon.eventhandling.tokenstore.claim-timeout}, 3 s) then lets another
 *       instance claim it, at its next claim round ({@code token-claim-interval}, 1 s): a SIGKILLed instance's
 *       segments are taken over 2 to 4 s after its death;</li>
 *   <li>an owner that did lose its claim cannot write past it: each batch stores its token in the transaction of the
 *       batch, under the owner's name, and a batch whose claim was taken fails and is rolled back (its read-model
 *       writes are idempotent, by position or by id);</li>
 *   <li>an instance counts as alive ({@code ars.processing.instance-alive-within}, 2 s) for less than the claim
 *       timeout: by the time a dead instance's claims lapse, the others no longer count it, and none releases a
 *       segment it has just taken over to make room for it.</li>
 * </ul>
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
            @Value("${ars.processing.instance-alive-within:PT2S}") Duration aliveWithin,
            @Value("${ars.processing.release-for:PT5S}") Duration releaseFor) {
        return new SegmentBalancer(
                processing, tokens, jdbc, service, segments, aliveWithin, releaseFor, Clock.systemUTC());
    }

    /** Every pooled processor renews its claims every {@code claim-extension}, its coordinator too while a batch runs. */
    @Bean
    ConfigurerModule claimRenewal(@Value("${ars.processing.claim-extension:PT1S}") Duration extension) {
        return configurer -> configurer
                .eventProcessing()
                .registerPooledStreamingEventProcessorConfiguration((configuration, builder) ->
                        builder.claimExtensionThreshold(extension.toMillis()).enableCoordinatorClaimExtension());
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
            @Value("${ars.processing.balance-interval:PT1S}") Duration interval) {
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
