package fr.ars.coord.region.campaign;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A claim that cannot be written fails the command that links (instead of being logged and skipped). */
@Configuration(proxyBeanMethods = false)
class CampaignRulesConfiguration {

    @Bean
    ConfigurerModule campaignClaimsFailTheirCommand() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(
                        CampaignIncidentClaims.GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
