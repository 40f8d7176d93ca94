package fr.ars.coord.console.live;

import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open page's stream. Changes told within {@code coalesceMillis} of each other are sent as one event
 * ({@code changed}, with the id of the last: where the page resumes from), and events at least {@code gapMillis}
 * apart; a comment now and then keeps the
 * connection, and the proxies on its way, from taking it for idle. A stream that cannot be written to is closed.
 */
final class LiveStream {

    private final SseEmitter emitter;
    private final Audience audience;
    private final String session;
    private final ScheduledExecutorService timer;
    private final long coalesceMillis;
    private final long gapMillis;
    private final Consumer<LiveStream> onClose;
    private final long openedAt = System.nanoTime();
    private long pendingId;
    private long lastSentAt = System.nanoTime() - TimeUnit.HOURS.toNanos(1);
    private boolean scheduled;
    private volatile boolean closed;

    LiveStream(
            SseEmitter emitter,
            Audience audience,
            String session,
            ScheduledExecutorService timer,
            long coalesceMillis,
            long gapMillis,
            Consumer<LiveStream> onClose) {
        this.gapMillis = gapMillis;
        this.emitter = emitter;
        this.onClose = onClose;
        this.audience = audience;
        this.session = session;
        this.timer = timer;
        this.coalesceMillis = coalesceMillis;
    }

    long openedAt() {
        return openedAt;
    }

    Audience audience() {
        return audience;
    }

    String session() {
        return session;
    }

    SseEmitter emitter() {
        return emitter;
    }

    boolean closed() {
        return closed;
    }

    /** What this page shows may have changed (change {@code id}): told within {@code coalesceMillis}. */
    void changed(long id) {
        long delay;
        synchronized (this) {
            pendingId = Math.max(pendingId, id);
            if (scheduled || closed) {
                return;
            }
            scheduled = true;
            // at most one event per gap: a page of the national cell in a busy hour asks again once a second, not at
            // every batch of every service
            long sinceLast = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastSentAt);
            delay = Math.max(coalesceMillis, gapMillis - sinceLast);
        }
        try {
            timer.schedule(this::flush, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            close();
        }
    }

    private void flush() {
        long id;
        synchronized (this) {
            id = pendingId;
            scheduled = false;
            lastSentAt = System.nanoTime();
        }
        send(SseEmitter.event().name("changed").id(Long.toString(id)).data("changed"));
    }

    /**
     * The stream's first words: how long the browser waits before opening it again once it ends, and where the page
     * stands ({@code id}, the last change known here, without an event): a stream cut before any change was told
     * comes back with it, and is told at once of a change made while it was away.
     */
    void opened(long lastKnown, long retryMillis) {
        send(SseEmitter.event()
                .id(Long.toString(lastKnown))
                .reconnectTime(retryMillis)
                .comment("live"));
    }

    void heartbeat() {
        send(SseEmitter.event().comment(""));
    }

    private void send(SseEmitter.SseEventBuilder event) {
        if (closed) {
            return;
        }
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            close();
        }
    }

    void close() {
        if (!closed) {
            closed = true;
            onClose.accept(this);
            try {
                emitter.complete();
            } catch (IllegalStateException alreadyDone) {
                // completed meanwhile
            }
        }
    }
}
