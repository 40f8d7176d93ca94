package fr.ars.coord.platform.eventstore;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/**
 * Who, in this JVM, waits for events appended to the store, and how they are woken when some are: a processor's
 * stream registers a callback (Axon's pooled coordinator then reads at once instead of at its next round), a
 * blocking reader waits here.
 * <p>
 * A coordinator that is busy when woken drops the wake-up (it runs one round at a time and skips a round asked for
 * meanwhile): a woken stream not asked for its next event within {@link #REPEAT_AFTER_MILLIS} is woken again, a few
 * times, after which the coordinator's own rounds (the fallback polling) take over.
 * <p>
 * <b>Batches under load.</b> Woken at each append, a processor reads and handles events one at a time, each in a
 * transaction of its own with a token update, and projections that work once per batch (an incident's reminder row,
 * the facts of a communiqué) once per event: when the processors are short, that work is taken from the commands. When
 * the CPU is busier than {@code busyAbove} (the host's or container's share in use, as the JVM reads it, smoothed over
 * the last tenths of a second), a waiter is woken at most once per gap, a gap that grows with the load, from nothing
 * at {@code busyAbove} to {@code longestGap} at full load; a wake-up that comes sooner is put off to the end of the
 * gap, never lost. Below it, each append wakes at once. The rate of appends is no signal: a platform that handles each
 * event alone is saturated at a lower rate than the same platform batching, and would never reach the threshold.
 */
public final class AppendWakeUps implements AutoCloseable {

    static final long REPEAT_AFTER_MILLIS = 20;
    private static final int REPEATS = 5;

    /** The load is read at most once per this long. */
    private static final long SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final boolean pushed;
    private final double busyAbove;
    private final long longestGapNanos;
    private final DoubleSupplier cpuLoad;
    private long sampledAt = System.nanoTime() - SAMPLE_NANOS;
    private double load;
    private volatile long gapNanos;
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
        this(pushed, 1.0, java.time.Duration.ZERO, () -> 0);
    }

    /**
     * ... and above which share of the CPU in use ({@code cpuLoad}, 0 to 1) waiters are woken in batches, with at
     * most {@code longestGap} between two wake-ups of one waiter (see the class's description).
     */
    public AppendWakeUps(boolean pushed, double busyAbove, java.time.Duration longestGap, DoubleSupplier cpuLoad) {
        this.pushed = pushed;
        this.busyAbove = Math.min(1.0, Math.max(0.0, busyAbove));
        this.longestGapNanos = longestGap.toNanos();
        this.cpuLoad = cpuLoad;
    }

    /** The share of the CPU in use of the host or container, as the JVM reads it (0 when it cannot). */
    public static DoubleSupplier hostCpuLoad() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            return () -> Math.max(0.0, os.getCpuLoad());
        }
        return () -> 0.0;
    }

    /** Whether appends wake the waiters; if not, readers only poll. */
    public boolean pushed() {
        return pushed;
    }

    /** Events were appended (here or by another process): every waiter reads again. */
    public void wakeAll() {
        synchronized (monitor) {
            wakeUps++;
            long now = System.nanoTime();
            if (now - sampledAt >= SAMPLE_NANOS) {
                sampledAt = now;
                load = (load + cpuLoad.getAsDouble()) / 2;
                gapNanos = gapAt(load);
            }
            monitor.notifyAll();
        }
        for (Waiter waiter : waiters) {
            waiter.wake();
        }
    }

    /** The least time between two wake-ups of a waiter when {@code load} of the CPU is in use. */
    long gapAt(double load) {
        if (load <= busyAbove || longestGapNanos <= 0 || busyAbove >= 1.0) {
            return 0;
        }
        double over = Math.min(1.0, (load - busyAbove) / (1.0 - busyAbove));
        return (long) (over * longestGapNanos);
    }

    /** The least time between two wake-ups of a waiter now. */
    long gapNanos() {
        return gapNanos;
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

    /**
     * One stream's registration: woken (at once, or at the end of the gap under load), then woken again while it has
     * not been asked for its next event.
     */
    final class Waiter {

        private final Runnable callback;
        private final AtomicBoolean unread = new AtomicBoolean();
        private final AtomicBoolean repeating = new AtomicBoolean();
        private final AtomicBoolean putOff = new AtomicBoolean();
        private final AtomicLong calls = new AtomicLong();
        private volatile long lastCalled = System.nanoTime() - TimeUnit.DAYS.toNanos(1);

        private Waiter(Runnable callback) {
            this.callback = callback;
        }

        /** Its stream is being asked for its next event: the wake-up was heard. */
        void read() {
            unread.set(false);
        }

        /** How many times it was called back: its stream asks the store again only after a new call (or a poll). */
        long calls() {
            return calls.get();
        }

        void cancel() {
            waiters.remove(this);
        }

        private void wake() {
            unread.set(true);
            long early = lastCalled + gapNanos - System.nanoTime();
            if (early <= 0) {
                if (!putOff.get()) {
                    call();
                }
            } else if (putOff.compareAndSet(false, true)) {
                try {
                    repeats.schedule(
                            () -> {
                                putOff.set(false);
                                call();
                            },
                            early,
                            TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException closed) {
                    putOff.set(false);
                }
            }
            if (repeating.compareAndSet(false, true)) {
                repeatWhileUnread(REPEATS);
            }
        }

        private void call() {
            lastCalled = System.nanoTime();
            calls.incrementAndGet();
            callback.run();
        }

        /** One chain of repeats at a time per waiter, however many wake-ups arrive meanwhile. */
        private void repeatWhileUnread(int left) {
            try {
                repeats.schedule(
                        () -> {
                            if (left > 0 && unread.get() && waiters.contains(this)) {
                                if (!putOff.get()) { // a wake-up put off to the gap's end calls it then
                                    call();
                                }
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
