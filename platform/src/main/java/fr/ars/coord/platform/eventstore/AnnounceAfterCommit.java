package fr.ars.coord.platform.eventstore;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Announces the events published to the store once they are committed: after the outermost unit of work that
 * published them, once per unit of work however many it published. Events published outside any unit of work are
 * appended at once: they are announced right away (a reader woken a moment too early reads them at its next round).
 */
final class AnnounceAfterCommit implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final String ANNOUNCED = AnnounceAfterCommit.class.getName();

    private final Runnable announce;

    AnnounceAfterCommit(Runnable announce) {
        this.announce = announce;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        if (!messages.isEmpty()) {
            if (CurrentUnitOfWork.isStarted()) {
                UnitOfWork<?> root = CurrentUnitOfWork.get().root();
                root.getOrComputeResource(ANNOUNCED, key -> {
                    root.afterCommit(unit -> announce.run());
                    return Boolean.TRUE;
                });
            } else {
                announce.run();
            }
        }
        return (index, message) -> message;
    }
}
