package fr.ars.coord.gateway.filter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Notes who is calling (token username or subject, and region) for the rate limiter and the access log. Runs
 * after Spring Security, which has verified the token by then.
 */
@Component
@Order(CallerFilter.ORDER)
class CallerFilter extends OncePerRequestFilter {

    static final int ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            String username = jwt.getClaimAsString("preferred_username");
            request.setAttribute(Tracing.PRINCIPAL, username != null ? username : token.getName());
            String region = jwt.getClaimAsString("region");
            if (region != null) {
                request.setAttribute(Tracing.REGION, region);
            }
            request.setAttribute(Tracing.SUBJECT, jwt.getSubject());
        }
        chain.doFilter(request, response);
    }
}
