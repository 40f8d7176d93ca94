package fr.ars.coord.gateway.filter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/** Buckets in this gateway's memory: exact with one gateway; several would each let the whole rate through. */
final class MemoryRateLimitBuckets implements RateLimitBuckets {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    @Override
    public Take take(String key, BucketConfiguration configuration) {
        ConsumptionProbe probe = buckets.get(key, k -> {
                    var builder = Bucket.builder();
                    for (var bandwidth : configuration.getBandwidths()) {
                        builder.addLimit(bandwidth);
                    }
                    return builder.build();
                })
                .tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? Take.allowed(probe.getRemainingTokens())
                : Take.refused(probe.getNanosToWaitForRefill());
    }
}
