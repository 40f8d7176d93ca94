package fr.ars.coord.platform.processing;

import fr.ars.coord.platform.StoreOutage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an event handler's failure does to its processor. When a store is unavailable ({@link StoreOutage}) the
 * failure is rethrown: the processor rolls the batch back, keeps its token where it was and retries with back-off,
 * so no read model or process skips an event because MongoDB or PostgreSQL was briefly away. Any other failure
 * comes from the event itself and would fail again on every retry: it is logged as an error with the event's
 * identity and the processor goes on, rather than holding every later event behind it.
 */
public final class RetryOnStoreOutage implements ListenerInvocationErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(RetryOnStoreOutage.class);

    @Override
    public void onError(Exception exception, EventMessage<?> event, EventMessageHandler eventHandler) throws Exception {
        String handler = eventHandler.getTargetType().getSimpleName();
        String type = event.getPayloadType().getSimpleName();
        if (StoreOutage.explains(exception)) {
            log.warn(
                    "{} could not handle event {} ({}) while a store is unavailable; its batch will be retried: {}",
                    handler,
                    event.getIdentifier(),
                    type,
                    exception.toString());
            throw exception;
        }
        log.error(
                "{} failed on event {} ({}); this handler skips the event",
                handler,
                event.getIdentifier(),
                type,
                exception);
    }
}
