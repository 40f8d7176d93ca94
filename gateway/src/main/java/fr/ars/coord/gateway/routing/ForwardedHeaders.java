package fr.ars.coord.gateway.routing;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Tells a service how its caller reached the gateway ({@code X-Forwarded-Proto}, {@code -Host}, {@code -Port},
 * {@code -For}), so that what it writes about itself (the server of its API documentation) names the gateway,
 * not its own loopback address. Whatever a client sent under these names is replaced, never passed on: the
 * gateway is the entry, and a client must not choose the host a service believes it serves. (Behind a load
 * balancer, Tomcat's remote-IP handling gives the request the balancer's view first, and it is that view which
 * is passed on.)
 */
@Component
class ForwardedHeaders implements RequestHttpHeadersFilter {

    @Override
    public HttpHeaders apply(HttpHeaders input, ServerRequest request) {
        HttpServletRequest servlet = request.servletRequest();
        HttpHeaders headers = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!name.regionMatches(true, 0, "X-Forwarded-", 0, 12) && !name.equalsIgnoreCase("Forwarded")) {
                headers.addAll(name, values);
            }
        });
        String host = servlet.getHeader(HttpHeaders.HOST);
        headers.set("X-Forwarded-Proto", servlet.getScheme());
        headers.set("X-Forwarded-Host", host != null ? host : servlet.getServerName());
        headers.set("X-Forwarded-Port", String.valueOf(servlet.getServerPort()));
        headers.set("X-Forwarded-For", servlet.getRemoteAddr());
        return headers;
    }
}
