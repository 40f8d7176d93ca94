package fr.ars.coord.gateway.filter;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Where the gateway keeps its callers' token buckets: its own memory, or a store shared with the other gateways. */
interface RateLimitBuckets {

    /** Takes one token from {@code key}'s bucket, made with {@code configuration} the first time. */
    ConsumptionProbe tryConsume(String key, BucketConfiguration configuration);
}
