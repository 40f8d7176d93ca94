package fr.ars.coord.region.web;

import fr.ars.coord.platform.rules.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often one caller may have the national picture rebuilt from the event history ({@code asOf}): a token
 * bucket per token subject, {@code perMinute} refilled continuously up to {@code burst}. An {@code asOf} folds
 * every event up to its instant; without this, one stolen regional account could keep region-service busy
 * folding the whole store for everyone. Buckets idle for ten minutes are dropped.
 */
final class RebuildAllowance {

    private static final Duration IDLE = Duration.ofMinutes(10);

    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RebuildAllowance(int perMinute, int burst, Clock clock) {
        this.perSecond = perMinute / 60.0;
        this.burst = burst;
        this.clock = clock;
    }

    /** Takes one rebuild from {@code caller}'s allowance, or refuses with when to retry. */
    void take(String caller) {
        Instant now = clock.instant();
        if (buckets.size() > 10_000) {
            buckets.values().removeIf(b -> b.idleSince(now).compareTo(IDLE) > 0);
        }
        Duration wait =
                buckets.computeIfAbsent(caller, k -> new Bucket(burst, now)).take(now, perSecond, burst);
        if (!wait.isZero()) {
            throw new TooManyRequestsException(
                    "Too many rebuilds of the national picture as of an instant; retry in "
                            + Math.max(1, wait.toSeconds()) + " s.",
                    wait);
        }
    }

    private static final class Bucket {
        private double tokens;
        private Instant last;

        Bucket(double tokens, Instant last) {
            this.tokens = tokens;
            this.last = last;
        }

        synchronized Duration take(Instant now, double perSecond, double burst) {
            tokens = Math.min(burst, tokens + Duration.between(last, now).toNanos() / 1e9 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofMillis((long) Math.ceil((1 - tokens) / perSecond * 1000));
        }

        synchronized Duration idleSince(Instant now) {
            return Duration.between(last, now);
        }
    }
}
