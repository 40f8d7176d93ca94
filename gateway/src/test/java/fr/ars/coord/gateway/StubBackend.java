package fr.ars.coord.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A plain HTTP server standing in for a service: records what reached it and answers with a small JSON of known
 * length, echoing the correlation id.
 */
final class StubBackend {

    record Received(String method, String path, Map<String, List<String>> headers, int bodyBytes) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final String name;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final Map<String, Long> delays = new ConcurrentHashMap<>();
    /** Headers answered on a path, beside the content type (caching headers, cookies). */
    final Map<String, Map<String, String>> answerHeaders = new ConcurrentHashMap<>();

    StubBackend(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            received.add(new Received(
                    exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body.length));
            Long delay = delays.get(path);
            if (delay != null) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            // the number of calls received so far tells one answer from the next
            byte[] answer = ("{\"service\": \"" + name + "\", \"path\": \"" + path + "\", \"call\": " + received.size()
                            + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            answerHeaders.getOrDefault(path, Map.of()).forEach(exchange.getResponseHeaders()::set);
            // as the services do: the correlation id comes back on the answer
            String correlationId = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
            if (correlationId != null) {
                exchange.getResponseHeaders().set("X-Correlation-Id", correlationId);
            }
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).count();
    }

    Received last() {
        return received.get(received.size() - 1);
    }
}
