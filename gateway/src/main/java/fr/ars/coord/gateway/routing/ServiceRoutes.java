package fr.ars.coord.gateway.routing;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.setPath;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.cloud.gateway.server.mvc.predicate.GatewayRequestPredicates.path;

import fr.ars.coord.gateway.config.GatewayProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.cloud.gateway.server.mvc.handler.RestClientProxyExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;

/**
 * One route per service of {@code ars.gateway.services}: its paths go to it unchanged, behind its circuit
 * breaker, balanced over its instances (the next one tried when one cannot be had, see {@link InstanceFailover}), and its OpenAPI document is served at {@code /api-docs/<service>} for the gateway's Swagger UI.
 * Every route calls its service through one pool of kept-alive connections, with that service's response timeout;
 * a service's public paths have a route, a pool and a circuit breaker of their own (the public lane).
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

    /** Connections to one service: as many as the gateway's request threads, so no call waits for a connection. */
    private static final int CONNECTIONS_PER_SERVICE = 200;

    @Bean(destroyMethod = "close")
    CloseableHttpClient serviceHttpClient() {
        return pooledClient(CONNECTIONS_PER_SERVICE);
    }

    /**
     * The public lane's connections, apart: a surge of public readers holds at most these (as many as public calls
     * may be in flight), and never one the API's calls are waiting for.
     */
    @Bean(destroyMethod = "close")
    CloseableHttpClient publicHttpClient(GatewayProperties properties) {
        return pooledClient(properties.publicTraffic().concurrent());
    }

    private static CloseableHttpClient pooledClient(int connectionsPerService) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(connectionsPerService)
                        .setMaxConnTotal(connectionsPerService * 4)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(2))
                                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                                .build())
                        .build())
                .evictIdleConnections(TimeValue.ofMinutes(1))
                // the call is passed on as the client made it: no redirect followed, no retry (a change is
                // retried by its client, with its Idempotency-Key), no cookie kept, no body decompressed
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .build();
    }

    /**
     * The live streams' connections (server-sent events): the JDK's client, whose response stream is closed, not read
     * to its end, when the page goes. The pooled client above would read a stream that never ends before giving its
     * connection back, and hold the page's request thread until the service ends the stream.
     */
    @Bean
    HttpClient liveHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Bean
    ProxyExchange routeProxyExchange(
            @Qualifier("serviceHttpClient") CloseableHttpClient client,
            @Qualifier("publicHttpClient") CloseableHttpClient publicClient,
            @Qualifier("liveHttpClient") HttpClient liveClient,
            GatewayProperties properties,
            GatewayMvcProperties gatewayMvc) {
        Map<String, ProxyExchange> byRoute = new HashMap<>();
        properties.services().forEach((name, service) -> {
            ProxyExchange exchange = exchange(client, service, gatewayMvc);
            byRoute.put(name, exchange);
            byRoute.put(apiDocsRoute(name), exchange);
            byRoute.put(publicRoute(name), exchange(publicClient, service, gatewayMvc));
            byRoute.put(liveRoute(name), liveExchange(liveClient, gatewayMvc));
        });
        return new RouteProxyExchange(byRoute);
    }

    private static ProxyExchange liveExchange(HttpClient client, GatewayMvcProperties gatewayMvc) {
        // no read timeout: a stream lasts as long as its page is open (the service writes a comment every few seconds,
        // and ends it after a few minutes for the browser to open it again); a timeout would cut it, and a change
        // made while the browser opens it again would be told to no one
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        return new LiveProxyExchange(
                RestClient.builder().requestFactory(requests).build(), gatewayMvc);
    }

    private static ProxyExchange exchange(
            CloseableHttpClient client, GatewayProperties.Service service, GatewayMvcProperties gatewayMvc) {
        HttpComponentsClientHttpRequestFactory requests = new HttpComponentsClientHttpRequestFactory(client);
        requests.setReadTimeout(service.responseTimeout());
        // Spring Cloud Gateway's own exchange: the answer is passed on in one write at its end (a flush per chunk, as
        // the live streams need, would cost every API call a write of its own)
        return new RestClientProxyExchange(
                RestClient.builder().requestFactory(requests).build(), gatewayMvc);
    }

    @Bean
    InstanceHealthChecks instanceHealthChecks(
            GatewayProperties properties,
            @org.springframework.beans.factory.annotation.Value("${ars.gateway.instances.eject-for:PT10S}")
                    Duration ejectFor,
            @org.springframework.beans.factory.annotation.Value("${ars.gateway.instances.health-interval:PT2S}")
                    Duration healthInterval) {
        return new InstanceHealthChecks(properties, ejectFor, healthInterval);
    }

    @Bean
    RouterFunction<ServerResponse> serviceRouterFunction(GatewayProperties properties, InstanceHealthChecks instances) {
        if (properties.services().isEmpty()) {
            throw new IllegalStateException("ars.gateway.services lists no service to route to");
        }
        GatewayProperties.CircuitBreaker settings = properties.circuitBreaker();
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .minimumNumberOfCalls(settings.minimumCalls())
                .slidingWindowSize(Math.max(settings.minimumCalls(), 20))
                .waitDurationInOpenState(Duration.ofSeconds(settings.openSeconds()))
                .permittedNumberOfCallsInHalfOpenState(3)
                .build());
        RouterFunction<ServerResponse> routes = null;
        for (Map.Entry<String, GatewayProperties.Service> entry : new TreeMap<>(properties.services()).entrySet()) {
            String name = entry.getKey();
            GatewayProperties.Service service = entry.getValue();
            RequestPredicate routed = path(service.paths().toArray(String[]::new));
            if (!service.internalPaths().isEmpty()) {
                routed = routed.and(
                        path(service.internalPaths().toArray(String[]::new)).negate());
            }
            // the public lane first: its paths are among the service's own
            RouterFunction<ServerResponse> publicLane = null;
            if (!service.publicPaths().isEmpty()) {
                publicLane = route(publicRoute(name))
                        .route(routed.and(path(service.publicPaths().toArray(String[]::new))), http())
                        .before(uri(service.instances().get(0)))
                        .filter(new ServiceBreaker(
                                        name, breakers.circuitBreaker(publicRoute(name)), settings.openSeconds())
                                .andThen(new InstanceFailover(instances.of(name), null)))
                        .build();
            }
            // the live streams first too: their connections are closed when the page goes
            RouterFunction<ServerResponse> live = null;
            if (!service.livePaths().isEmpty()) {
                live = route(liveRoute(name))
                        .route(routed.and(path(service.livePaths().toArray(String[]::new))), http())
                        .before(uri(service.instances().get(0)))
                        .filter(new ServiceBreaker(name, breakers.circuitBreaker(name), settings.openSeconds())
                                .andThen(new InstanceFailover(instances.of(name), null)))
                        .build();
            }
            RequestPredicate keyed = service.idempotentPaths().isEmpty()
                    ? null
                    : path(service.idempotentPaths().toArray(String[]::new));
            RouterFunction<ServerResponse> api = route(name)
                    .route(routed, http())
                    .before(uri(service.instances().get(0)))
                    .filter(new ServiceBreaker(name, breakers.circuitBreaker(name), settings.openSeconds())
                            .andThen(new InstanceFailover(instances.of(name), keyed)))
                    .build();
            RouterFunction<ServerResponse> apiDocs = route(apiDocsRoute(name))
                    .GET("/api-docs/" + name, http())
                    .before(uri(service.instances().get(0)))
                    .before(setPath("/v3/api-docs"))
                    .filter(new InstanceFailover(instances.of(name), null))
                    .build();
            RouterFunction<ServerResponse> serviceRoutes =
                    Boolean.TRUE.equals(service.apiDocs()) ? api.and(apiDocs) : api;
            if (publicLane != null) {
                serviceRoutes = publicLane.and(serviceRoutes);
            }
            if (live != null) {
                serviceRoutes = live.and(serviceRoutes);
            }
            routes = routes == null ? serviceRoutes : routes.and(serviceRoutes);
        }
        return routes;
    }

    /**
     * Routes are looked up first: each proxied call used to be matched against every controller mapping (the error
     * page, the API documentation) before reaching them. No route path overlaps those.
     */
    @Bean
    static BeanPostProcessor routesLookedUpFirst() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof RouterFunctionMapping routes) {
                    routes.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
                }
                return bean;
            }
        };
    }

    /** The route of a service's public paths: its own connections and circuit breaker. */
    static String publicRoute(String service) {
        return service + "-public";
    }

    /** The route of a service's live streams. */
    static String liveRoute(String service) {
        return service + "-live";
    }

    private static String apiDocsRoute(String service) {
        return service + "-api-docs";
    }
}
