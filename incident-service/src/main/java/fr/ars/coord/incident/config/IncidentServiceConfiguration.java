package fr.ars.coord.incident.config;

import fr.ars.coord.platform.command.BoundedAggregateCache;
import java.time.Clock;
import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IncidentServiceConfiguration {

    /**
     * Incidents stay in memory between commands instead of being rebuilt from their stream each time. Only
     * incident-service appends Incident events; with several instances a stale entry makes the append collide
     * (409, retry) rather than lose anything. The most recently used {@code ars.incident.cache-size} incidents
     * (default 2,000, a few kilobytes each) are kept.
     */
    @Bean
    Cache incidentCache(@Value("${ars.incident.cache-size:2000}") int size) {
        return new BoundedAggregateCache(size);
    }

    /** The time regulatory clocks are evaluated at; tests may replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
