package fr.ars.coord.gateway.filter;

import io.github.bucket4j.BucketConfiguration;

/** Where the gateway keeps its callers' token buckets: its own memory, or a store shared with the other gateways. */
interface RateLimitBuckets extends AutoCloseable {

    @Override
    default void close() throws Exception {}

    /**
     * Takes one token from {@code key}'s bucket, made with {@code configuration} the first time.
     *
     * @throws BucketStoreUnavailable when the store that keeps the bucket cannot decide in time
     */
    Take take(String key, BucketConfiguration configuration);

    /** One call's take: let through (with the tokens left) or refused (with the wait before the next token). */
    record Take(boolean allowed, long remaining, long nanosToWait) {

        static Take allowed(long remaining) {
            return new Take(true, remaining, 0);
        }

        static Take refused(long nanosToWait) {
            return new Take(false, 0, Math.max(0, nanosToWait));
        }
    }

    /** The shared store could not decide (down, or too slow): the caller decides what an undecided call gets. */
    final class BucketStoreUnavailable extends RuntimeException {
        BucketStoreUnavailable(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }
}
