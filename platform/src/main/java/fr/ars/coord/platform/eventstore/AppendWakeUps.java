package fr.ars.coord.platform.eventstore;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Who, in this JVM, waits for events appended to the store, and how they are woken when some are: a processor's
 * stream registers a callback (Axon's pooled coordinator then reads at once instead of at its next round), a
 * blocking reader waits here.
 * <p>
 * A coordinator that is busy when woken drops the wake-up (it runs one round at a time and skips a round asked for
 * meanwhile): a woken stream not asked for its next event within {@link #REPEAT_AFTER_MILLIS} is woken again, a few
 * times, after which the coordinator's own rounds (the fallback polling) take over.
 */
public final class AppendWakeUps implements AutoCloseable {

    static final long REPEAT_AFTER_MILLIS = 20;
    private static final int REPEATS = 5;

    private final boolean pushed;
    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService repeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "append-wake-ups");
        thread.setDaemon(true);
        return thread;
    });
    private final Object monitor = new Object();
    private long wakeUps;

    /** {@code pushed}: whether something (a store channel) calls {@link #wakeAll()} when events are appended. */
    public AppendWakeUps(boolean pushed) {
        this.pushed = pushed;
    }

    /** Whether appends wake the waiters; if not, readers only poll. */
    public boolean pushed() {
        return pushed;
    }

    /** Events were appended (here or by another process): every waiter reads again. */
    public void wakeAll() {
        synchronized (monitor) {
            wakeUps++;
            monitor.notifyAll();
        }
        for (Waiter waiter : waiters) {
            waiter.wake();
        }
    }

    /** How many wake-ups so far: what {@link #await} is given to wait for the next one. */
    long wakeUps() {
        synchronized (monitor) {
            return wakeUps;
        }
    }

    /** Waits at most {@code millis} for a wake-up after the {@code seen}-th one. */
    void await(long seen, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (monitor) {
            while (wakeUps == seen) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                monitor.wait(left);
            }
        }
    }

    /** Calls {@code callback} at each wake-up until the waiter is cancelled. */
    Waiter register(Runnable callback) {
        Waiter waiter = new Waiter(callback);
        waiters.add(waiter);
        return waiter;
    }

    int waiting() {
        return waiters.size();
    }

    @Override
    public void close() {
        waiters.clear();
        repeats.shutdownNow();
    }

    /** One stream's registration: woken, then woken again while it has not been asked for its next event. */
    final class Waiter {

        private final Runnable callback;
        private final AtomicBoolean unread = new AtomicBoolean();
        private final AtomicBoolean repeating = new AtomicBoolean();

        private Waiter(Runnable callback) {
            this.callback = callback;
        }

        /** Its stream is being asked for its next event: the wake-up was heard. */
        void read() {
            unread.set(false);
        }

        void cancel() {
            waiters.remove(this);
        }

        private void wake() {
            unread.set(true);
            callback.run();
            if (repeating.compareAndSet(false, true)) {
                repeatWhileUnread(REPEATS);
            }
        }

        /** One chain of repeats at a time per waiter, however many wake-ups arrive meanwhile. */
        private void repeatWhileUnread(int left) {
            try {
                repeats.schedule(
                        () -> {
                            if (left > 0 && unread.get() && waiters.contains(this)) {
                                callback.run();
                                repeatWhileUnread(left - 1);
                            } else {
                                repeating.set(false);
                                // a wake-up that came while this chain ended gets a chain of its own
                                if (left > 0 && unread.get() && repeating.compareAndSet(false, true)) {
                                    repeatWhileUnread(REPEATS);
                                }
                            }
                        },
                        REPEAT_AFTER_MILLIS,
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                repeating.set(false);
            }
        }
    }
}
