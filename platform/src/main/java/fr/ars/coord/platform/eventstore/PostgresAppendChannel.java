package fr.ars.coord.platform.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Events appended anywhere wake the processors of every service at once, through PostgreSQL's {@code LISTEN/NOTIFY}
 * on the store's own database.
 * <ul>
 *   <li><b>Announcing.</b> After a unit of work that appended events has committed, {@link #announce()} wakes this
 *       JVM's waiters and sends {@code NOTIFY} on a pooled connection, outside the appending transaction (a
 *       transaction that notifies holds a database-wide lock while it commits: appends would commit one at a time).
 *       Announcements made while one is being sent are sent as one more ({@link CoalescingNotifier}).</li>
 *   <li><b>Listening.</b> One connection of its own per JVM ({@code LISTEN}), read by one thread that blocks in the
 *       driver until a notification comes; each wakes every waiter ({@link AppendWakeUps}). Its connection is checked
 *       every {@code check-every} while quiet, and opened again after a failure (every waiter is woken then: what was
 *       appended meanwhile was announced to no one).</li>
 * </ul>
 * Notifications are a shortcut, never the record: a lost one (the listening connection down, the database
 * restarting) only delays readers until their next polling round.
 */
public final class PostgresAppendChannel implements SmartLifecycle {

    static final String CHANNEL = "ars_events_appended";
    /** Where read models' changes are told, with their scopes as payload; listened to by the console. */
    public static final String VIEWS_CHANGED = "ars_views_changed";

    private static final Logger log = LoggerFactory.getLogger(PostgresAppendChannel.class);

    /** Opens the listening connection (not from the pool: it is held for good). */
    @FunctionalInterface
    public interface ConnectionOpener {
        Connection open() throws SQLException;
    }

    private final AppendWakeUps wakeUps;
    private final ConnectionOpener opener;
    private final Duration checkEvery;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    /** What this JVM's announcements say: who made them (its own come back to it too). */
    private final String sender = java.util.UUID.randomUUID().toString();

    private final CoalescingNotifier appended;
    private final CoalescingNotifier viewsChanged;
    private volatile boolean running;
    private volatile boolean listening;
    private volatile Thread listener;

    public PostgresAppendChannel(AppendWakeUps wakeUps, DataSource pool, ConnectionOpener opener, Duration checkEvery) {
        this.wakeUps = wakeUps;
        this.opener = opener;
        this.checkEvery = checkEvery;
        this.appended = new CoalescingNotifier(pool, CHANNEL, true);
        this.viewsChanged = new CoalescingNotifier(pool, VIEWS_CHANGED);
    }

    /**
     * Events were appended and committed by this JVM: wake its waiters now, the other processes by a notification
     * (which counts the announcements it merged: each process sees the rate of appends, see {@link AppendWakeUps}).
     */
    public void announce() {
        wakeUps.wakeAll();
        appended.send(Set.of(sender));
    }

    /**
     * Read models were changed for these scopes (a region's code, {@code national}, {@code public}: see
     * {@code processing.ViewChanges}): told to whoever shows them live (the console's open pages).
     */
    public void viewsChanged(Set<String> scopes) {
        if (!scopes.isEmpty()) {
            viewsChanged.send(scopes);
        }
    }

    @Override
    public void start() {
        running = true;
        Thread thread = daemon(this::listen, "append-listener");
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
        appended.close();
        viewsChanged.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether the listening connection is open and listening now. */
    public boolean listening() {
        return listening;
    }

    /** Notifications received since the start (other processes' and this one's own). */
    public long received() {
        return received.get();
    }

    /** Listening connections opened since the start: more than one means it was lost and opened again. */
    public long connections() {
        return connections.get();
    }

    private void listen() {
        long backoffMillis = 500;
        while (running) {
            try (Connection connection = opener.open()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                connections.incrementAndGet();
                listening = true;
                backoffMillis = 500;
                // what was appended while no one listened
                wakeUps.wakeAll();
                relay(connection, notifications);
            } catch (SQLException e) {
                if (running) {
                    log.warn(
                            "not listening to the event store's appends ({}): processors poll until it is back",
                            e.toString());
                }
            } finally {
                listening = false;
            }
            if (!pause(backoffMillis)) {
                return;
            }
            backoffMillis = Math.min(backoffMillis * 2, 10_000);
        }
    }

    /** Blocks in the driver until notifications come (or {@code checkEvery} passes: the connection is checked). */
    private void relay(Connection connection, PGConnection notifications) throws SQLException {
        int waitMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, checkEvery.toMillis()));
        while (running) {
            PGNotification[] arrived = notifications.getNotifications(waitMillis);
            if (arrived != null && arrived.length > 0) {
                received.addAndGet(arrived.length);
                // this JVM's own announcements come back too: its waiters were woken when it made them
                long othersAppended = 0;
                for (PGNotification notification : arrived) {
                    othersAppended += appendsByOthers(notification.getParameter());
                }
                if (othersAppended > 0) {
                    wakeUps.wakeAll(othersAppended);
                }
            } else if (running && !connection.isValid(2)) {
                throw new SQLException("the listening connection is no longer valid", "08006");
            }
        }
    }

    /**
     * How many appends a notification tells of, 0 if this JVM sent it: its payload is the sender and how many
     * announcements it merged ({@code sender#n}); a sender of an earlier release says only who it is (one).
     */
    long appendsByOthers(String payload) {
        int count = payload.lastIndexOf(CoalescingNotifier.COUNT);
        String who = count < 0 ? payload : payload.substring(0, count);
        if (sender.equals(who)) {
            return 0;
        }
        if (count < 0) {
            return 1;
        }
        try {
            return Math.max(1, Long.parseLong(payload.substring(count + 1)));
        } catch (NumberFormatException notACount) {
            return 1;
        }
    }

    private boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
