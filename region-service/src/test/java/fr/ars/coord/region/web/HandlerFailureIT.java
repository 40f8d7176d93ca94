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
    void everyProcessorOfTheServiceRetriesWhileAStoreIsDown() {
        assertThat(processing.eventProcessors()).containsKeys("national-impact", "campaign-links");
        processing.eventProcessors().keySet().forEach(group ->
                assertThat(processing.listenerInvocationErrorHandler(group)).as(group)
                        .isInstanceOf(RetryOnStoreOutage.class));
    }
}
