package fr.ars.coord.incident.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** The time regulatory clocks are evaluated at; tests may replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
