package fr.ars.coord.incident.exercise;

import fr.ars.coord.platform.processing.RealCrisesOnly;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An exercise's register row that cannot be written fails the command that records its start or end; the figures
 * across incidents never count an exercise's.
 */
@Configuration(proxyBeanMethods = false)
class ExerciseConfiguration {

    @Bean
    ConfigurerModule exerciseRegisterFailsItsCommand() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(
                        ExerciseRegister.GROUP, configuration -> PropagatingErrorHandler.instance());
    }

    @Bean
    ConfigurerModule reviewFiguresCountRealCrisesOnly() {
        return RealCrisesOnly.forProcessors("review-figures");
    }
}
