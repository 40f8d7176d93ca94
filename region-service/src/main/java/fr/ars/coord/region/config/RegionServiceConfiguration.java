package fr.ars.coord.region.config;

import fr.ars.coord.platform.exercise.ExerciseLocks;
import fr.ars.coord.platform.exercise.RecordedExercises;
import fr.ars.coord.platform.obligation.IncidentObligations;
import fr.ars.coord.platform.processing.RealCrisesOnly;
import fr.ars.coord.region.impact.ImpactCalculator;
import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class RegionServiceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The exercises as their streams record them: what a campaign opened in an exercise is checked against. */
    @Bean
    RecordedExercises recordedExercises(EventStore eventStore) {
        return new RecordedExercises(eventStore);
    }

    /** The exercises' lock, held shared by a campaign's command in an exercise (see {@code ExerciseLocks}). */
    @Bean
    ExerciseLocks exerciseLocks(JdbcTemplate jdbc) {
        return new ExerciseLocks(jdbc);
    }

    /** The same obligations as incident-service (shared settings, see {@code IncidentObligations}). */
    @Bean
    ImpactCalculator impactCalculator(
            IncidentObligations obligations,
            @Value("${ars.national.listed-per-region:" + ImpactCalculator.DEFAULT_LISTED_PER_REGION + "}") int listed) {
        return new ImpactCalculator(obligations, listed);
    }

    /**
     * The national picture and the observables' sightings across regions count real crises only: an exercise's
     * events are passed over (as the picture rebuilt at an earlier instant passes them over).
     */
    @Bean
    ConfigurerModule nationalViewsCountRealCrisesOnly() {
        return RealCrisesOnly.forProcessors("national-impact", "observable-values");
    }
}
