package fr.ars.coord.gateway.filter;

import fr.ars.coord.gateway.config.GatewayProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** One kind of path every service declares (its public paths, its live paths), gathered over the services. */
record ServicePaths(List<PathPattern> patterns) {

    static ServicePaths of(GatewayProperties properties, Function<GatewayProperties.Service, List<String>> kind) {
        return new ServicePaths(properties.services().values().stream()
                .flatMap(service -> kind.apply(service).stream())
                .map(PathPatternParser.defaultInstance::parse)
                .toList());
    }

    /** Whether the request's path is one of them. */
    boolean matches(HttpServletRequest request) {
        if (patterns.isEmpty()) {
            return false;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        return patterns.stream().anyMatch(pattern -> pattern.matches(path));
    }
}
