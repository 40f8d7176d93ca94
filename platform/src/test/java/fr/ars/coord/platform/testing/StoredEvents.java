package fr.ars.coord.platform.testing;

import fr.ars.coord.contracts.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

/** Appends events to the shared store as the owning service would: one aggregate, its sequence, who did it. */
public final class StoredEvents {

    private StoredEvents() {}

    /** Appends {@code events} from {@code firstSequence} on; returns their event ids. */
    public static List<String> append(
            EventStore store,
            String aggregateType,
            String aggregateId,
            long firstSequence,
            Actor actor,
            Object... events) {
        return append(store, aggregateType, aggregateId, firstSequence, actor, Map.of(), events);
    }

    /** Appends {@code events} as {@link #append}, each with {@code metaData} besides who did it (an exercise's mark). */
    public static List<String> append(
            EventStore store,
            String aggregateType,
            String aggregateId,
            long firstSequence,
            Actor actor,
            Map<String, String> metaData,
            Object... events) {
        List<GenericDomainEventMessage<Object>> messages = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            messages.add(new GenericDomainEventMessage<>(
                    aggregateType,
                    aggregateId,
                    firstSequence + i,
                    events[i],
                    MetaData.from(actor.toMetaData()).mergedWith(metaData)));
        }
        store.publish(messages);
        return messages.stream().map(GenericDomainEventMessage::getIdentifier).toList();
    }
}
