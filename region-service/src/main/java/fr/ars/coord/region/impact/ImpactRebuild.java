package fr.ars.coord.region.impact;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the national-impact read model from the first event. Rather than replaying event by event through
 * the store, the processor is stopped, every incident event is folded in memory with the same merge the
 * projection uses, the result is written in bulk, and the processor resumes from the last event folded.
 */
@Component
public class ImpactRebuild {

    private final EventProcessingConfiguration processing;
    private final ImpactStore store;
    private final ImpactHistory history;
    private final ImpactSnapshotStore snapshots;
    private final TransactionTemplate transactions;

    public ImpactRebuild(
            PlatformTransactionManager transactionManager,
            EventProcessingConfiguration processing,
            ImpactStore store,
            ImpactHistory history,
            ImpactSnapshotStore snapshots) {
        this.processing = processing;
        this.store = store;
        this.history = history;
        this.snapshots = snapshots;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * @param position     global index of the last event in the read model
     * @param snapshotUpTo global index of the last event the latest snapshot of the national picture covers, -1
     *                     without any
     */
    public record Status(boolean replaying, long position, long snapshotUpTo) {}

    public synchronized Status rebuild() {
        StreamingEventProcessor processor = processor();
        processor.shutDown();
        try {
            // a rebuild follows a change in how events are merged: the snapshots are taken again with it
            snapshots.clear();
            // the token and the read model move together: a failure half-way leaves both as they were
            history.foldAll(folded -> transactions.executeWithoutResult(status -> {
                if (folded.token() == null) {
                    processor.resetTokens();
                } else {
                    processor.resetTokens(folded.token()); // its reset handler empties the read model
                    store.replaceAll(folded.impacts().values(), folded.position());
                }
            }));
        } finally {
            processor.start();
        }
        return status();
    }

    public Status status() {
        return new Status(processor().isReplaying(), store.position(), snapshots.latestUpTo());
    }

    private StreamingEventProcessor processor() {
        return processing
                .eventProcessor(NationalImpactProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
    }
}
