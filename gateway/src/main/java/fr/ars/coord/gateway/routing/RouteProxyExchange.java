package fr.ars.coord.gateway.routing;

import java.util.Map;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Sends each route's calls through the client made for it (its service's response timeout), all of them sharing
 * one pool of connections.
 */
final class RouteProxyExchange implements ProxyExchange {

    private final Map<String, ProxyExchange> byRoute;

    RouteProxyExchange(Map<String, ProxyExchange> byRoute) {
        this.byRoute = Map.copyOf(byRoute);
    }

    @Override
    public ServerResponse exchange(Request request) {
        Object route = request.getServerRequest()
                .attribute(MvcUtils.GATEWAY_ROUTE_ID_ATTR)
                .orElse(null);
        ProxyExchange exchange = route == null ? null : byRoute.get(route.toString());
        if (exchange == null) {
            throw new IllegalStateException("no client for route " + route);
        }
        return exchange.exchange(request);
    }
}
