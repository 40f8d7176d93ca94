package fr.ars.coord.gateway.routing;

import fr.ars.coord.gateway.config.GatewayProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Tells a service the platform's public address ({@code X-Forwarded-Proto}, {@code -Host}, {@code -Port}) and who
 * called ({@code -For}), so that what it writes about itself (the server of its API documentation, the console's
 * redirects and links) names the gateway, not its own loopback address. The address is the configured one
 * ({@code ars.gateway.public-url}, {@code ARS_PUBLIC_BASE_URL}), never the request's {@code Host}: a client must not
 * choose the host a service writes into what others read. Whatever a client sent under these names is replaced,
 * never passed on. (Behind a load balancer, Tomcat's remote-IP handling gives the request the balancer's view of the
 * caller first, and it is that address which is passed on.)
 */
@Component
class ForwardedHeaders implements RequestHttpHeadersFilter {

    private final URI publicUrl;

    ForwardedHeaders(GatewayProperties properties) {
        this.publicUrl = properties.publicUrl();
    }

    @Override
    public HttpHeaders apply(HttpHeaders input, ServerRequest request) {
        HttpServletRequest servlet = request.servletRequest();
        HttpHeaders headers = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!name.regionMatches(true, 0, "X-Forwarded-", 0, 12) && !name.equalsIgnoreCase("Forwarded")) {
                headers.addAll(name, values);
            }
        });
        if (publicUrl != null) {
            boolean https = "https".equalsIgnoreCase(publicUrl.getScheme());
            int port = publicUrl.getPort() > 0 ? publicUrl.getPort() : (https ? 443 : 80);
            headers.set("X-Forwarded-Proto", publicUrl.getScheme().toLowerCase(java.util.Locale.ROOT));
            headers.set(
                    "X-Forwarded-Host",
                    publicUrl.getPort() > 0 ? publicUrl.getHost() + ":" + port : publicUrl.getHost());
            headers.set("X-Forwarded-Port", String.valueOf(port));
        } else {
            // no public address configured: the gateway's own listening address, still never the client's Host
            headers.set("X-Forwarded-Proto", servlet.getScheme());
            headers.set("X-Forwarded-Host", servlet.getLocalName() + ":" + servlet.getLocalPort());
            headers.set("X-Forwarded-Port", String.valueOf(servlet.getLocalPort()));
        }
        headers.set("X-Forwarded-For", servlet.getRemoteAddr());
        return headers;
    }
}
