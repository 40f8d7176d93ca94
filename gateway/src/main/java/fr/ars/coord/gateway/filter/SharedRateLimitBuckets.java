package fr.ars.coord.gateway.filter;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets shared by every gateway, in the platform's PostgreSQL ({@code rate_limit_bucket}, created by the platform's
 * migrations), through Bucket4j's proxy manager: a row per caller, read and written under a row lock, so that two
 * gateways together let through the configured rate, not twice it. A bucket expires once full again and unused;
 * expired rows are removed in the background. When the store cannot be reached, calls go through (and are logged):
 * the services behind answer 503 then anyway, and a rate limit must not be what takes the platform away.
 */
final class SharedRateLimitBuckets implements RateLimitBuckets, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SharedRateLimitBuckets.class);

    private final HikariDataSource dataSource;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private volatile long lastFailureLogged;

    SharedRateLimitBuckets(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("rate-limit-buckets");
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(2_000);
        config.setInitializationFailTimeout(-1);
        this.dataSource = new HikariDataSource(config);
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(1)))
                .build();
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        try {
            return buckets.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            long now = System.nanoTime();
            if (now - lastFailureLogged > Duration.ofSeconds(30).toNanos()) {
                lastFailureLogged = now;
                log.warn("shared rate-limit buckets unreachable, calls go through unlimited meanwhile: {}",
                        e.toString());
            }
            return null;
        }
    }

    /** Removes the rows of buckets expired (full again and unused); returns how many. */
    int removeExpired() {
        int removed = 0;
        for (int batch; (batch = buckets.removeExpired(1_000)) > 0; ) {
            removed += batch;
            if (batch < 1_000) {
                break;
            }
        }
        return removed;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
