package fr.ars.coord.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ars.gateway.*}: the services behind the gateway, and its limits and policies (defaults in application.yml). */
@ConfigurationProperties("ars.gateway")
public record GatewayProperties(Map<String, Service> services, long maxBodyBytes, Uploads uploads, RateLimit rateLimit,
                                CircuitBreaker circuitBreaker, Cors cors) {

    public GatewayProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
        uploads = uploads == null ? new Uploads(Duration.ofSeconds(5), 16_384, 8, 32) : uploads;
    }

    /**
     * Request bodies: each must arrive within {@code bodyTimeout} plus its length at {@code minBytesPerSecond}
     * (a read waits at most {@code bodyTimeout}); at most {@code perCaller} in flight per caller and
     * {@code anonymous} in all from callers without a token.
     */
    public record Uploads(Duration bodyTimeout, long minBytesPerSecond, int perCaller, int anonymous) {
    }

    /**
     * One service: where it listens ({@code url}, or {@code urls} for several instances, balanced), the paths routed to it unchanged, the paths among them kept for operators on
     * the service's own network (never routed: the gateway answers them as unknown), and how long the gateway
     * waits for its answer to start. Its OpenAPI document is also served at {@code /api-docs/<name>}, unless
     * {@code apiDocs} is false (the console: a web application, not an API). Its instances' health is read at
     * {@code healthPath} ({@code /actuator/health} unless said otherwise).
     */
    public record Service(URI url, List<URI> urls, List<String> paths, List<String> internalPaths,
                          Duration responseTimeout, Boolean apiDocs, String healthPath) {
        public Service {
            apiDocs = apiDocs == null || apiDocs;
            healthPath = healthPath == null || healthPath.isBlank() ? "/actuator/health" : healthPath;
            urls = urls == null ? List.of() : urls.stream().filter(u -> !u.toString().isBlank()).toList();
            paths = paths == null ? List.of() : List.copyOf(paths);
            internalPaths = internalPaths == null ? List.of() : List.copyOf(internalPaths);
            responseTimeout = responseTimeout == null ? Duration.ofSeconds(10) : responseTimeout;
        }

        /** Where its instances listen: {@code urls} when given (several instances), else the one {@code url}. */
        public List<URI> instances() {
            return urls.isEmpty() ? List.of(url) : urls;
        }
    }

    /**
     * Token buckets per caller; {@code store} {@code memory} keeps them in this gateway (one gateway), {@code
     * postgresql} in the platform's PostgreSQL at {@code dbUrl}, shared by every gateway (several). The console's
     * pages and assets, which carry no token, have a bucket per address of their own ({@code console*}): a national
     * cell behind one address, its pages refreshing every few seconds, must not use up the public routes' allowance
     * nor be limited by it.
     */
    public record RateLimit(long authenticatedPerMinute, long authenticatedBurst, long publicPerMinute,
                            long publicBurst, long consolePerMinute, long consoleBurst, String store, String dbUrl,
                            String dbUser, String dbPassword) {

        public RateLimit {
            // the console's pages per address: as much as one signed-in user's calls unless set
            consolePerMinute = consolePerMinute > 0 ? consolePerMinute : authenticatedPerMinute;
            consoleBurst = consoleBurst > 0 ? consoleBurst : authenticatedBurst;
            store = store == null || store.isBlank() ? "memory" : store.strip();
            if (!store.equals("memory") && !store.equals("postgresql")) {
                throw new IllegalArgumentException("ars.gateway.rate-limit.store is memory or postgresql, not " + store);
            }
        }

        public boolean shared() {
            return store.equals("postgresql");
        }
    }

    public record CircuitBreaker(float failureRateThreshold, int minimumCalls, int openSeconds) {
    }

    public record Cors(List<String> allowedOrigins) {
        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of()
                    : allowedOrigins.stream().filter(o -> !o.isBlank()).toList();
        }
    }
}
