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
 * the facts of a communiqué) once per event: when the processors are short, that work is taken from the commands.
 * When appends come faster than {@code batchAbove} a second (counted over the last second, in every process: a
 * notification from another counts the appends it merged, see {@link PostgresAppendChannel}) while the CPU is busier
 * than {@code busyAbove} (the host's or container's share in use, as the JVM reads it), a waiter is woken at most
 * once per gap, a gap that grows with the rate, from nothing at {@code batchAbove} to {@code longestGap} at twice
 * that rate; a wake-up that comes sooner is put off to the end of the gap, never lost. Otherwise each append wakes at
 * once: a steady load the machine bears, or a burst of work at a low rate (a publication), is not delayed.
 */
public final class AppendWakeUps implements AutoCloseable {

    static final long REPEAT_AFTER_MILLIS = 20;
    private static final int REPEATS = 5;

    /** Appends are counted in tenths of a second, over the last ten; the load is read at most once per tenth. */
    private static final long BUCKET_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final boolean pushed;
    private final long batchAbove;
    private final double busyAbove;
    private final long longestGapNanos;
    private final DoubleSupplier cpuLoad;
    private final long[] appendsPerBucket = new long[10];
    private long bucket = System.nanoTime() / BUCKET_NANOS;
    private long sampledIn = bucket - 1;
    private double load;
    private volatile long gapNanos;
    private volatile long lastCount;
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
        this(pushed, Long.MAX_VALUE, 1.0, java.time.Duration.ZERO, () -> 0);
    }

    /**
     * ... and above how many appends a second, while more than {@code busyAbove} of the CPU is in use ({@code
     * cpuLoad}, 0 to 1), waiters are woken in batches, with at most {@code longestGap} between two wake-ups of one
     * waiter (see the class's description).
     */
    public AppendWakeUps(
            boolean pushed, long batchAbove, double busyAbove, java.time.Duration longestGap, DoubleSupplier cpuLoad) {
        this.pushed = pushed;
        this.batchAbove = Math.max(1, batchAbove);
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
        wakeAll(1);
    }

    /** {@code appends} were made (here or by another process, as its notification counts them): every waiter reads. */
    public void wakeAll(long appends) {
        synchronized (monitor) {
            wakeUps++;
            lastCount = count(appends);
            // the CPU is read only when the rate could call for a gap
            gapNanos = lastCount > batchAbove ? gapAt(lastCount, busy()) : 0;
            monitor.notifyAll();
        }
        for (Waiter waiter : waiters) {
            waiter.wake();
        }
    }

    /** Counts these appends in their tenth of a second; returns the count over the last second. */
    private long count(long appends) {
        long now = System.nanoTime() / BUCKET_NANOS;
        for (long b = bucket + 1; b <= now && b <= bucket + appendsPerBucket.length; b++) {
            appendsPerBucket[(int) (b % appendsPerBucket.length)] = 0;
        }
        bucket = Math.max(bucket, now);
        appendsPerBucket[(int) (now % appendsPerBucket.length)] += Math.max(1, appends);
        long total = 0;
        for (long n : appendsPerBucket) {
            total += n;
        }
        return total;
    }

    /** The share of the CPU in use, read at most once per tenth of a second (while appends come). */
    private double busy() {
        if (sampledIn != bucket) {
            sampledIn = bucket;
            load = cpuLoad.getAsDouble();
        }
        return load;
    }

    /** The least time between two wake-ups of a waiter at {@code perSecond} appends a second, {@code load} in use. */
    long gapAt(long perSecond, double load) {
        if (perSecond <= batchAbove || load <= busyAbove || longestGapNanos <= 0) {
            return 0;
        }
        double over = Math.min(1.0, (perSecond - batchAbove) / (double) batchAbove);
        return (long) (over * longestGapNanos);
    }

    /** The appends counted over the second before the last wake-up. */
    long appendsLastSecond() {
        return lastCount;
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
