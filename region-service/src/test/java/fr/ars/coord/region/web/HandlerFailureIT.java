package fr.ars.coord.region.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.platform.processing.RetryOnStoreOutage;
import fr.ars.coord.region.RegionServiceITBase;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A store outage must hold this service's processors on the event, not make them skip it. */
class HandlerFailureIT extends RegionServiceITBase {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyTrackingProcessorOfTheServiceRetriesWhileAStoreIsDown() {
        assertThat(processing.eventProcessors()).containsKeys("national-impact", "campaign-links", "campaign-claims");
        processing.eventProcessors().keySet().stream()
                .filter(group -> !group.equals("campaign-claims"))
                .forEach(group -> assertThat(processing.listenerInvocationErrorHandler(group))
                        .as(group)
                        .isInstanceOf(RetryOnStoreOutage.class));
        // the claims are written in the linking command's transaction: a failure fails that command (503 or 409)
        assertThat(processing.listenerInvocationErrorHandler("campaign-claims"))
                .isInstanceOf(org.axonframework.eventhandling.PropagatingErrorHandler.class);
    }
}
