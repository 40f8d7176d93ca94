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
 * expired rows are removed in the background. The store has a pool of its own ({@code poolSize} connections, given
 * within {@code timeout}) and every statement and lock wait is cut at {@code timeout}: a call the store cannot
 * decide in that time is {@link BucketStoreUnavailable}, never a call let through unlimited. It is used behind
 * {@link FirstLineBuckets}, so a flood is refused before it reaches the store.
 */
final class SharedRateLimitBuckets implements RateLimitBuckets {

    private static final Logger log = LoggerFactory.getLogger(SharedRateLimitBuckets.class);

    private final HikariDataSource dataSource;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private volatile long lastFailureLogged;

    SharedRateLimitBuckets(String url, String user, String password, int poolSize, Duration timeout) {
        long millis = Math.max(250, timeout.toMillis());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("rate-limit-buckets");
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(millis);
        config.setValidationTimeout(millis);
        config.setInitializationFailTimeout(-1);
        // a statement, or a wait for a caller's row lock, that outlasts the timeout is cut by the server itself
        config.addDataSourceProperty("options", "-c statement_timeout=" + millis + " -c lock_timeout=" + millis);
        config.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, millis / 1000)));
        config.addDataSourceProperty("socketTimeout", String.valueOf(Math.max(2, 2 * millis / 1000)));
        this.dataSource = new HikariDataSource(config);
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    @Override
    public Take take(String key, BucketConfiguration configuration) {
        ConsumptionProbe probe;
        try {
            probe = buckets.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            long now = System.nanoTime();
            if (now - lastFailureLogged > Duration.ofSeconds(30).toNanos()) {
                lastFailureLogged = now;
                log.warn(
                        "shared rate-limit buckets cannot decide (anonymous calls refused, authenticated ones"
                                + " limited by this gateway alone meanwhile): {}",
                        e.toString());
            }
            throw new BucketStoreUnavailable("the shared rate-limit store did not decide", e);
        }
        return probe.isConsumed()
                ? Take.allowed(probe.getRemainingTokens())
                : Take.refused(probe.getNanosToWaitForRefill());
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
