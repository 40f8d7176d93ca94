package fr.ars.coord.gateway.routing;

import fr.ars.coord.gateway.config.GatewayProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The instances of every service, and a health check of each one of a service that has several: every
 * {@code interval}, {@code GET <instance><health path>} (its {@code /actuator/health}) within a second; an instance that does not answer 2xx is
 * left out of the calls until it does again. A service with one instance is not checked: it is tried whatever.
 */
final class InstanceHealthChecks implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InstanceHealthChecks.class);

    private final Map<String, ServiceInstances> byService = new TreeMap<>();
    private final Map<String, String> healthPaths = new TreeMap<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ScheduledExecutorService checks;

    InstanceHealthChecks(GatewayProperties properties, Duration ejectFor, Duration interval) {
        properties.services().forEach((name, service) -> {
            byService.put(name, new ServiceInstances(name, service.instances(), ejectFor, System::nanoTime));
            healthPaths.put(name, service.healthPath());
        });
        checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "instance-health-checks");
            thread.setDaemon(true);
            return thread;
        });
        if (byService.values().stream().anyMatch(s -> s.all().size() > 1)) {
            checks.scheduleWithFixedDelay(this::checkAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    ServiceInstances of(String service) {
        return byService.get(service);
    }

    void checkAll() {
        for (ServiceInstances service : byService.values()) {
            if (service.all().size() < 2) {
                continue;
            }
            for (ServiceInstances.Instance instance : service.all()) {
                boolean wasIn = service.isIn(instance.uri());
                boolean healthy = healthy(instance.uri(), healthPaths.get(service.service()));
                service.checked(instance, healthy);
                if (wasIn != healthy) {
                    log.info(
                            "{} at {} is {}",
                            service.service(),
                            instance.uri(),
                            healthy ? "back: calls go to it again" : "not answering its health check: left out");
                }
            }
        }
    }

    private boolean healthy(URI instance, String healthPath) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(instance.resolve(healthPath))
                            .timeout(Duration.ofSeconds(1))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
    }
}
