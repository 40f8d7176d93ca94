package fr.ars.coord.gateway.filter;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Notes who is calling (token username or subject, and region) for the rate limiter and the access log. */
@Component
class CallerFilter implements GlobalFilter, Ordered {

    static final int ORDER = -300;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                .doOnNext(token -> {
                    String username = token.getToken().getClaimAsString("preferred_username");
                    exchange.getAttributes().put(Tracing.PRINCIPAL, username != null ? username : token.getName());
                    String region = token.getToken().getClaimAsString("region");
                    if (region != null) {
                        exchange.getAttributes().put(Tracing.REGION, region);
                    }
                    exchange.getAttributes().put(RateLimitFilter.SUBJECT, token.getToken().getSubject());
                })
                .then(chain.filter(exchange));
    }
}
