package fr.ars.coord.gateway.filter;

import org.springframework.context.ApplicationContext;

/** What the tests need of the gateway's shared buckets, in their package. */
public final class RateLimitBucketsAccess {

    private RateLimitBucketsAccess() {}

    public static int removeExpired(ApplicationContext gateway) {
        return ((SharedRateLimitBuckets) ((FirstLineBuckets) gateway.getBean(RateLimitBuckets.class)).shared())
                .removeExpired();
    }
}
