package fr.ars.coord.platform.eventstore;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's event store, announcing what it appended once committed: where Axon wakes its own in-memory readers (after
 * the outermost unit of work that published the events has committed, or at once for events published outside any),
 * it also calls {@code announce} ({@link PostgresAppendChannel#announce()}). An append rolled back announces nothing.
 */
final class AnnouncingEventStore extends EmbeddedEventStore {

    private final Runnable announce;

    AnnouncingEventStore(Builder builder, Runnable announce) {
        super(builder);
        this.announce = announce;
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        if (!events.isEmpty()) {
            announce.run();
        }
    }
}
