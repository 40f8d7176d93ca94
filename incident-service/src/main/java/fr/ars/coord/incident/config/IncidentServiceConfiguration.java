package fr.ars.coord.incident.config;

import java.time.Clock;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IncidentServiceConfiguration {

    /**
     * Incidents stay in memory between commands instead of being rebuilt from their stream each time. Only
     * incident-service appends Incident events; with several instances a stale entry makes the append collide
     * (409, retry) rather than lose anything.
     */
    @Bean
    Cache incidentCache() {
        return new WeakReferenceCache();
    }

    /** The time regulatory clocks are evaluated at; tests may replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
