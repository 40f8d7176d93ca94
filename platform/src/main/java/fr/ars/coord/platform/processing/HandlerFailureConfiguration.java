package fr.ars.coord.platform.processing;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Every event processor of a service retries its batch while a store is down; see {@link RetryOnStoreOutage}. */
@AutoConfiguration(before = AxonAutoConfiguration.class)
public class HandlerFailureConfiguration {

    @Bean
    ConfigurerModule retryOnStoreOutage() {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> new RetryOnStoreOutage());
    }
}
