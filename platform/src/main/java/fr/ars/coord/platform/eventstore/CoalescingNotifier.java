package fr.ars.coord.platform.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends PostgreSQL notifications on one channel from a thread of its own, on a pooled connection, outside any
 * transaction of the caller. What is asked while one is being sent is sent as one more, its words merged: at most one
 * notification in flight and one waiting, however many callers. A counted notifier ends its payload with how many
 * sends it merged ({@code #n}): its listeners know how many there were. A notification that cannot be sent is dropped
 * (those who listen also poll).
 */
final class CoalescingNotifier implements AutoCloseable {

    /** PostgreSQL refuses payloads of 8,000 bytes or more: a longer one is sent as the word that means "anything". */
    static final int MAX_PAYLOAD = 7_000;

    static final String ANYTHING = "*";
    /** What separates a counted payload's words from its count. */
    static final char COUNT = '#';

    private static final Logger log = LoggerFactory.getLogger(CoalescingNotifier.class);

    private final DataSource pool;
    private final String channel;
    private final boolean counted;
    private final Set<String> waiting = new TreeSet<>();
    private long merged;
    private boolean queued;
    private final ExecutorService sender;

    CoalescingNotifier(DataSource pool, String channel) {
        this(pool, channel, false);
    }

    CoalescingNotifier(DataSource pool, String channel, boolean counted) {
        this.pool = pool;
        this.channel = channel;
        this.counted = counted;
        this.sender = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "notify-" + channel);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Sends {@code words} (comma-separated in the payload), merged with any waiting to be sent. */
    void send(Set<String> words) {
        synchronized (waiting) {
            waiting.addAll(words);
            merged++;
            if (queued) {
                return;
            }
            queued = true;
        }
        try {
            sender.execute(this::sendWaiting);
        } catch (RejectedExecutionException stopped) {
            synchronized (waiting) {
                queued = false;
            }
        }
    }

    private void sendWaiting() {
        String payload;
        synchronized (waiting) {
            payload = String.join(",", waiting);
            if (payload.length() > MAX_PAYLOAD) {
                payload = ANYTHING;
            }
            if (counted) {
                payload = payload + COUNT + merged;
            }
            waiting.clear();
            merged = 0;
            queued = false;
        }
        try (Connection connection = pool.getConnection();
                PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, channel);
            notify.setString(2, payload);
            notify.execute();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            log.debug("notification on {} not sent: {}", channel, e.toString());
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
