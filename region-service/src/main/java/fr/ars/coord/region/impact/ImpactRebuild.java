package fr.ars.coord.region.impact;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.stereotype.Component;

/** Rebuilds the national-impact read model from the first event, and tells how far the rebuild got. */
@Component
public class ImpactRebuild {

    private final EventProcessingConfiguration processing;
    private final ImpactStore store;

    public ImpactRebuild(EventProcessingConfiguration processing, ImpactStore store) {
        this.processing = processing;
        this.store = store;
    }

    public record Status(boolean replaying, long position) {
    }

    public synchronized void start() {
        TrackingEventProcessor processor = processor();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }

    public Status status() {
        return new Status(processor().isReplaying(), store.position());
    }

    private TrackingEventProcessor processor() {
        return processing.eventProcessor(NationalImpactProjection.PROCESSING_GROUP, TrackingEventProcessor.class)
                .orElseThrow();
    }
}
