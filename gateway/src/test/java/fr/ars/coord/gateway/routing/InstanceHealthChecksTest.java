package fr.ars.coord.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import fr.ars.coord.gateway.config.GatewayProperties;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each service's instances are checked at that service's health path: the console's is under /console. */
class InstanceHealthChecksTest {

    private final List<HttpServer> servers = new java.util.ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void anInstanceIsCheckedAtItsServicesHealthPathAndLeftOutWhenItFails() throws Exception {
        URI healthy = instance(200);
        URI failing = instance(503);
        GatewayProperties properties = new GatewayProperties(
                Map.of(
                        "console",
                        new GatewayProperties.Service(
                                null,
                                List.of(healthy, failing),
                                List.of("/console/**"),
                                List.of(),
                                Duration.ofSeconds(5),
                                false,
                                "/console/actuator/health",
                                null,
                                null,
                                null,
                                null)),
                1024,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        InstanceHealthChecks checks = new InstanceHealthChecks(properties, Duration.ofMinutes(1), Duration.ofHours(1));
        try {
            checks.checkAll();
            assertThat(checks.of("console").isIn(healthy)).isTrue();
            assertThat(checks.of("console").isIn(failing)).isFalse();
        } finally {
            checks.destroy();
        }
    }

    @Test
    void aServiceWithoutAHealthPathIsCheckedAtActuatorHealth() {
        GatewayProperties.Service service = new GatewayProperties.Service(
                URI.create("http://127.0.0.1:1"),
                null,
                List.of("/api/**"),
                null,
                null,
                null,
                " ",
                null,
                null,
                null,
                null);
        assertThat(service.healthPath()).isEqualTo("/actuator/health");
        assertThat(service.apiDocs()).isTrue();
    }

    /** A stub that answers {@code status} at the console's health path, and 404 anywhere else (its /actuator/health). */
    private URI instance(int status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            int answer = exchange.getRequestURI().getPath().equals("/console/actuator/health") ? status : 404;
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }
}
