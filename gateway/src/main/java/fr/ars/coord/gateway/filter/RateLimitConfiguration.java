package fr.ars.coord.gateway.filter;

import fr.ars.coord.gateway.config.GatewayProperties;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The buckets of {@link RateLimitFilter}: in memory, or shared in PostgreSQL with their expired rows removed. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean(destroyMethod = "close")
    RateLimitBuckets rateLimitBuckets(GatewayProperties properties) {
        GatewayProperties.RateLimit limits = properties.rateLimit();
        if (!limits.shared()) {
            return new MemoryRateLimitBuckets();
        }
        return new FirstLineBuckets(
                new MemoryRateLimitBuckets(),
                new SharedRateLimitBuckets(
                        limits.dbUrl(), limits.dbUser(), limits.dbPassword(), limits.dbPoolSize(), limits.dbTimeout()),
                limits.dbTimeout(),
                Duration.ofSeconds(1),
                System::nanoTime);
    }

    /** Removes expired shared buckets every minute (every gateway does; each row goes once). */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService expiredBucketRemoval(RateLimitBuckets buckets) {
        ScheduledExecutorService removal = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "expired-bucket-removal");
            thread.setDaemon(true);
            return thread;
        });
        if (buckets instanceof FirstLineBuckets firstLine
                && firstLine.shared() instanceof SharedRateLimitBuckets shared) {
            removal.scheduleWithFixedDelay(
                    () -> {
                        try {
                            int removed = shared.removeExpired();
                            if (removed > 0) {
                                log.debug("{} expired rate-limit bucket(s) removed", removed);
                            }
                        } catch (RuntimeException e) {
                            log.debug("expired rate-limit buckets not removed this time: {}", e.toString());
                        }
                    },
                    1,
                    1,
                    TimeUnit.MINUTES);
        }
        return removal;
    }
}
