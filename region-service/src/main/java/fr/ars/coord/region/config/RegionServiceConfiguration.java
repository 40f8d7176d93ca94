package fr.ars.coord.region.config;

import fr.ars.coord.contracts.incident.RegulatoryClockPolicy;
import fr.ars.coord.region.impact.ImpactCalculator;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RegionServiceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Same clock periods as incident-service (shared defaults, overridable alike). */
    @Bean
    ImpactCalculator impactCalculator(@Value("${ars.incidents.cert-sante-due-within:PT24H}") Duration certSante,
                                      @Value("${ars.incidents.cnil-due-within:PT72H}") Duration cnil,
                                      @Value("${ars.national.listed-per-region:"
                                              + ImpactCalculator.DEFAULT_LISTED_PER_REGION + "}") int listed) {
        return new ImpactCalculator(new RegulatoryClockPolicy(certSante, cnil), listed);
    }
}
