package fr.ars.coord.gateway.filter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The shared buckets behind a first line kept in this gateway's memory, so that a flood never reaches the shared store:
 * <ul>
 *   <li>each call takes a token from the caller's local bucket first (the same rate as the shared one): a call the
 *       local bucket refuses is refused without touching the store, so one address flooding one gateway costs the
 *       store at most its allowance, not one row lock per request;</li>
 *   <li>the calls of one caller reach the store one at a time from this gateway (the others wait here, up to
 *       {@code waitForTurn}, then are refused as too many): a caller's row lock is never queued on by many
 *       connections, so one caller cannot take the store's connections from everyone else;</li>
 *   <li>after the store failed to decide, it is not asked again for {@code restFor}: while it is down, calls are
 *       answered at once as undecided ({@link BucketStoreUnavailable}) instead of each waiting for a timeout.</li>
 * </ul>
 * With several gateways, each one's local buckets let a caller's allowance through to the store, which keeps the
 * total: together they let through the configured rate, not a multiple of it.
 */
final class FirstLineBuckets implements RateLimitBuckets {

    private final RateLimitBuckets local;
    private final RateLimitBuckets shared;
    private final Duration waitForTurn;
    private final long restForNanos;
    private final LongSupplier nanoTime;
    private final Cache<String, Semaphore> turns = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(1))
            .maximumSize(100_000)
            .build();
    private volatile long storeDownUntil = Long.MIN_VALUE;
    private volatile boolean storeDown;

    FirstLineBuckets(
            RateLimitBuckets local,
            RateLimitBuckets shared,
            Duration waitForTurn,
            Duration restFor,
            LongSupplier nanoTime) {
        this.local = local;
        this.shared = shared;
        this.waitForTurn = waitForTurn;
        this.restForNanos = restFor.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public Take take(String key, BucketConfiguration configuration) {
        Take first = local.take(key, configuration);
        if (!first.allowed()) {
            return first;
        }
        if (storeDown && nanoTime.getAsLong() - storeDownUntil < 0) {
            throw new BucketStoreUnavailable("the shared rate-limit store failed moments ago", null);
        }
        Semaphore turn = turns.get(key, k -> new Semaphore(1));
        boolean mine;
        try {
            mine = turn.tryAcquire(waitForTurn.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            mine = false;
        }
        if (!mine) {
            // this caller's earlier calls are still with the store: it is sending faster than the store answers
            return Take.refused(TimeUnit.SECONDS.toNanos(1));
        }
        try {
            Take take = shared.take(key, configuration);
            storeDown = false;
            return take;
        } catch (BucketStoreUnavailable e) {
            storeDownUntil = nanoTime.getAsLong() + restForNanos;
            storeDown = true;
            throw e;
        } finally {
            turn.release();
        }
    }

    RateLimitBuckets shared() {
        return shared;
    }

    @Override
    public void close() throws Exception {
        shared.close();
    }

    /** Whether the store failed to decide within the rest period (for logs and tests). */
    boolean storeResting() {
        return storeDown && nanoTime.getAsLong() - storeDownUntil < 0;
    }
}
