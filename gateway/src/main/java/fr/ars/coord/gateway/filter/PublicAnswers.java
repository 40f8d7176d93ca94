package fr.ars.coord.gateway.filter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The public answers this gateway keeps, as a shared cache does (RFC 9111): only a {@code 200} its service marked
 * {@code Cache-Control: public} with a lifetime, that sets no cookie, is not encoded and varies on nothing; fresh for
 * that lifetime but at most {@code cacheFor}; after that, and while the service's lifetime and its
 * {@code stale-while-revalidate} allow, served only while one request fetches it again or while the public lane is
 * full. At most {@code maxEntries} answers of at
 * most {@code maxBodyBytes} each: beyond, the expired ones and then the oldest are dropped.
 */
final class PublicAnswers {

    /** The headers of a kept answer that are replayed: what describes the representation and its caching. */
    static final List<String> KEPT_HEADERS = List.of(
            "Content-Type",
            "Content-Language",
            "Content-Disposition",
            "Content-Security-Policy",
            "Link",
            "ETag",
            "Last-Modified",
            "Cache-Control",
            "Expires");

    /** One kept answer; {@code refreshing} is taken by the one request that fetches it again once it is stale. */
    record Answer(
            List<Map.Entry<String, String>> headers,
            byte[] body,
            String etag,
            String lastModified,
            long storedAt,
            long freshUntil,
            long staleUntil,
            AtomicBoolean refreshing) {

        boolean isFresh(long now) {
            return now - freshUntil < 0;
        }

        boolean isUsableStale(long now) {
            return now - staleUntil < 0;
        }

        long ageSeconds(long now) {
            return Math.max(0, Duration.ofNanos(now - storedAt).toSeconds());
        }
    }

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final long cacheForNanos;
    private final int maxEntries;
    private final long maxBodyBytes;
    private final LongSupplier clock;

    PublicAnswers(Duration cacheFor, int maxEntries, long maxBodyBytes, LongSupplier clock) {
        this.cacheForNanos = cacheFor.toNanos();
        this.maxEntries = maxEntries;
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
    }

    long now() {
        return clock.getAsLong();
    }

    /** The answer kept for {@code key}, fresh or stale, or null. */
    Answer find(String key) {
        return answers.get(key);
    }

    int size() {
        return answers.size();
    }

    /**
     * Keeps the service's answer when it may be kept: {@code headers} as the service gave them (name, value).
     * Returns the answer kept, or null.
     */
    Answer keep(String key, int status, List<Map.Entry<String, String>> headers, byte[] body) {
        if (cacheForNanos == 0 || status != 200 || body.length > maxBodyBytes) {
            return null;
        }
        Directives directives = null;
        String etag = null;
        String lastModified = null;
        List<Map.Entry<String, String>> kept = new ArrayList<>();
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey();
            if (name.equalsIgnoreCase("Set-Cookie")
                    || name.equalsIgnoreCase("Content-Encoding")
                    || name.equalsIgnoreCase("Vary")) {
                return null;
            }
            if (name.equalsIgnoreCase("Cache-Control")) {
                directives = Directives.parse(header.getValue());
            } else if (name.equalsIgnoreCase("ETag")) {
                etag = header.getValue();
            } else if (name.equalsIgnoreCase("Last-Modified")) {
                lastModified = header.getValue();
            }
            if (KEPT_HEADERS.stream().anyMatch(name::equalsIgnoreCase)) {
                kept.add(Map.entry(name, header.getValue()));
            }
        }
        if (directives == null || !directives.shared() || directives.lifetimeSeconds() <= 0) {
            return null;
        }
        long now = now();
        long freshFor = Math.min(
                cacheForNanos, Duration.ofSeconds(directives.lifetimeSeconds()).toNanos());
        long usableFor = Duration.ofSeconds(directives.lifetimeSeconds() + directives.staleWhileRevalidateSeconds())
                .toNanos();
        Answer answer = new Answer(
                List.copyOf(kept),
                body,
                etag,
                lastModified,
                now,
                now + freshFor,
                now + Math.max(freshFor, usableFor),
                new AtomicBoolean());
        makeRoom(now);
        answers.put(key, answer);
        return answer;
    }

    private void makeRoom(long now) {
        if (answers.size() < maxEntries) {
            return;
        }
        answers.values().removeIf(answer -> !answer.isUsableStale(now) && !answer.isFresh(now));
        if (answers.size() < maxEntries) {
            return;
        }
        List<Map.Entry<String, Answer>> oldest = new ArrayList<>(answers.entrySet());
        oldest.sort(Comparator.comparingLong(e -> e.getValue().storedAt() - now));
        oldest.subList(0, Math.max(1, oldest.size() / 10)).forEach(e -> answers.remove(e.getKey(), e.getValue()));
    }

    /** What a {@code Cache-Control} header allows a shared cache. */
    record Directives(boolean shared, long lifetimeSeconds, long staleWhileRevalidateSeconds) {

        static Directives parse(String header) {
            boolean isPublic = false;
            boolean forbidden = false;
            long maxAge = -1;
            long sharedMaxAge = -1;
            long stale = 0;
            for (String directive : header.split(",")) {
                String[] parts = directive.strip().split("=", 2);
                String name = parts[0].strip().toLowerCase(Locale.ROOT);
                String value = parts.length > 1 ? parts[1].strip().replace("\"", "") : null;
                switch (name) {
                    case "public" -> isPublic = true;
                    case "private", "no-store", "no-cache" -> forbidden = true;
                    case "max-age" -> maxAge = seconds(value);
                    case "s-maxage" -> sharedMaxAge = seconds(value);
                    case "stale-while-revalidate" -> stale = Math.max(0, seconds(value));
                    default -> {}
                }
            }
            long lifetime = sharedMaxAge >= 0 ? sharedMaxAge : maxAge;
            return new Directives(isPublic && !forbidden && lifetime > 0, lifetime, stale);
        }

        private static long seconds(String value) {
            if (value == null
                    || value.isEmpty()
                    || value.length() > 9
                    || !value.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            return Long.parseLong(value);
        }
    }
}
