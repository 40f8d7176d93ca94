package fr.ars.coord.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ars.gateway.*}: the services behind the gateway, and its limits and policies (defaults in application.yml). */
@ConfigurationProperties("ars.gateway")
public record GatewayProperties(
        Map<String, Service> services,
        long maxBodyBytes,
        Uploads uploads,
        RateLimit rateLimit,
        CircuitBreaker circuitBreaker,
        Cors cors,
        URI publicUrl,
        URI publicIssuer,
        PublicTraffic publicTraffic,
        LiveStreams live) {

    /** {@code publicUrl}: the platform's public address; {@code publicIssuer}: the Keycloak realm as browsers reach it. */
    public GatewayProperties {
        publicIssuer = publicIssuer == null || publicIssuer.toString().isBlank() ? null : publicIssuer;
        services = services == null ? Map.of() : Map.copyOf(services);
        uploads = uploads == null ? new Uploads(Duration.ofSeconds(5), 16_384, 8, 32, 32) : uploads;
        publicTraffic = publicTraffic == null ? new PublicTraffic(0, null, 0, 0) : publicTraffic;
        live = live == null ? new LiveStreams(0) : live;
        publicUrl = publicUrl == null || publicUrl.toString().isBlank() ? null : publicUrl;
        if (publicUrl != null && (publicUrl.getScheme() == null || publicUrl.getHost() == null)) {
            throw new IllegalArgumentException(
                    "ars.gateway.public-url must be an absolute http(s) URL, not " + publicUrl);
        }
    }

    /**
     * Request bodies: each must arrive within {@code bodyTimeout} plus its length at {@code minBytesPerSecond}
     * (a read waits at most {@code bodyTimeout}); at most {@code perCaller} in flight per caller and
     * {@code anonymous} in all from callers without a token to the API, and, apart, {@code console} in all to the
     * console's pages (whose form posts carry a session cookie, not a token): a flood of slow anonymous uploads to
     * the API never leaves the console's forms without a slot, nor the other way round.
     */
    public record Uploads(Duration bodyTimeout, long minBytesPerSecond, int perCaller, int anonymous, int console) {
        public Uploads {
            console = console > 0 ? console : anonymous;
        }
    }

    /**
     * One service: where it listens ({@code url}, or {@code urls} for several instances, balanced), the paths routed to it unchanged, the paths among them kept for operators on
     * the service's own network (never routed: the gateway answers them as unknown), and how long the gateway
     * waits for its answer to start. Its OpenAPI document is also served at {@code /api-docs/<name>}, unless
     * {@code apiDocs} is false (the console: a web application, not an API). Its instances' health is read at
     * {@code healthPath} ({@code /actuator/health} unless said otherwise). {@code idempotentPaths} are the paths
     * among its own whose writes honour an {@code Idempotency-Key} (the service records a keyed write once, whatever
     * the number of tries): only those are sent again to another instance after a connection was cut. Its request
     * bodies may be at most {@code maxBodyBytes} when set (else the gateway's {@code max-body-bytes}).
     * {@code publicPaths} are the paths among its own that anyone reads without a token (pages, feeds): they go
     * through the public lane ({@link PublicTraffic}), with connections and a circuit breaker of their own.
     * {@code livePaths} are its streams of server-sent events (the console's live pages, {@link LiveStreams}): passed on
     * event by event, on connections that are closed, not drained, when the page goes.
     */
    public record Service(
            URI url,
            List<URI> urls,
            List<String> paths,
            List<String> internalPaths,
            Duration responseTimeout,
            Boolean apiDocs,
            String healthPath,
            List<String> idempotentPaths,
            Long maxBodyBytes,
            List<String> publicPaths,
            List<String> livePaths) {
        public Service {
            livePaths = livePaths == null
                    ? List.of()
                    : livePaths.stream().filter(p -> !p.isBlank()).toList();
            publicPaths = publicPaths == null
                    ? List.of()
                    : publicPaths.stream().filter(p -> !p.isBlank()).toList();
            idempotentPaths = idempotentPaths == null
                    ? List.of()
                    : idempotentPaths.stream().filter(p -> !p.isBlank()).toList();
            apiDocs = apiDocs == null || apiDocs;
            healthPath = healthPath == null || healthPath.isBlank() ? "/actuator/health" : healthPath;
            urls = urls == null
                    ? List.of()
                    : urls.stream().filter(u -> !u.toString().isBlank()).toList();
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
     * nor be limited by it; console requests without the console's session cookie have a tighter bucket
     * ({@code consoleAnonymous*}). The shared store has a pool of {@code dbPoolSize} connections of its own, and
     * gives up on a statement or a lock wait after {@code dbTimeout}.
     */
    public record RateLimit(
            long authenticatedPerMinute,
            long authenticatedBurst,
            long publicPerMinute,
            long publicBurst,
            long consolePerMinute,
            long consoleBurst,
            long consoleAnonymousPerMinute,
            long consoleAnonymousBurst,
            String store,
            String dbUrl,
            String dbUser,
            String dbPassword,
            int dbPoolSize,
            Duration dbTimeout) {

        public RateLimit {
            // the console's pages per address: as much as one signed-in user's calls unless set
            consolePerMinute = consolePerMinute > 0 ? consolePerMinute : authenticatedPerMinute;
            consoleBurst = consoleBurst > 0 ? consoleBurst : authenticatedBurst;
            // ...and without the console's session cookie (a visitor not signed in: the sign-in page and its assets)
            consoleAnonymousPerMinute = consoleAnonymousPerMinute > 0 ? consoleAnonymousPerMinute : publicPerMinute;
            consoleAnonymousBurst = consoleAnonymousBurst > 0 ? consoleAnonymousBurst : publicBurst;
            dbPoolSize = dbPoolSize > 0 ? dbPoolSize : 8;
            dbTimeout = dbTimeout == null || dbTimeout.isZero() || dbTimeout.isNegative()
                    ? Duration.ofMillis(500)
                    : dbTimeout;
            store = store == null || store.isBlank() ? "memory" : store.strip();
            if (!store.equals("memory") && !store.equals("postgresql")) {
                throw new IllegalArgumentException(
                        "ars.gateway.rate-limit.store is memory or postgresql, not " + store);
            }
        }

        public boolean shared() {
            return store.equals("postgresql");
        }
    }

    /**
     * The public lane: what anyone reads without a token (the public pages, feeds and communiqués) after a press
     * release may be read by orders of magnitude more people than work with the API; the lane keeps that surge from
     * starving the API. At most {@code concurrent} public calls are in flight to the services (their own pool of
     * connections, their own circuit breakers; beyond it a 503 with {@code Retry-After}, or the copy kept here when
     * there is one); a public answer the service marks {@code Cache-Control: public} is kept here at most
     * {@code cacheFor} (and never longer than the service allows), so that a surge of readers of the same page costs
     * the service one call per {@code cacheFor}; at most {@code cacheEntries} answers of at most
     * {@code cacheBodyBytes} each are kept.
     */
    public record PublicTraffic(int concurrent, Duration cacheFor, int cacheEntries, long cacheBodyBytes) {
        public PublicTraffic {
            concurrent = concurrent > 0 ? concurrent : 32;
            cacheFor = cacheFor == null || cacheFor.isNegative() ? Duration.ofSeconds(2) : cacheFor;
            cacheEntries = cacheEntries > 0 ? cacheEntries : 2_000;
            cacheBodyBytes = cacheBodyBytes > 0 ? cacheBodyBytes : 1_048_576;
        }
    }

    /**
     * The services' live streams ({@code live-paths}: server-sent events an open page is told of changes on): each
     * holds one of the gateway's request threads and one connection for as long as its page is open, so at most
     * {@code concurrent} at once (beyond: {@code 503} with {@code Retry-After}, and the page asks now and then
     * instead); the other requests keep the rest of the threads.
     */
    public record LiveStreams(int concurrent) {
        public LiveStreams {
            concurrent = concurrent > 0 ? concurrent : 100;
        }
    }

    public record CircuitBreaker(float failureRateThreshold, int minimumCalls, int openSeconds) {}

    public record Cors(List<String> allowedOrigins) {
        public Cors {
            allowedOrigins = allowedOrigins == null
                    ? List.of()
                    : allowedOrigins.stream().filter(o -> !o.isBlank()).toList();
        }
    }
}
