package fr.ars.coord.incident.review;

import fr.ars.coord.contracts.incident.IncidentEvent;
import fr.ars.coord.platform.readmodel.BatchBuffer;
import java.time.Clock;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link ReviewFigures} up to date: every incident event rewrites its incident's rows, once per batch, from the
 * incident's current view. Idempotent: a replayed or repeated event rewrites the same rows.
 */
@Component
@ProcessingGroup(ReviewFiguresProjection.PROCESSING_GROUP)
class ReviewFiguresProjection {

    static final String PROCESSING_GROUP = "review-figures";

    private final ReviewFigures figures;
    private final BatchBuffer<String, Boolean> touched;

    ReviewFiguresProjection(ReviewFigures figures, Clock clock) {
        this.figures = figures;
        this.touched = new BatchBuffer<>(
                PROCESSING_GROUP, incidents -> incidents.keySet().forEach(id -> figures.refresh(id, clock.instant())));
    }

    @EventHandler
    void on(IncidentEvent event) {
        touched.pending().put(event.incidentId(), Boolean.TRUE);
    }

    @ResetHandler
    void reset() {
        figures.clear();
    }
}
