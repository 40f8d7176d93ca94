package fr.ars.coord.console.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to the services' {@code ars_views_changed} notifications on a connection of its own, one thread blocked in
 * the driver until one comes; hands each payload on. The connection is checked every {@code checkEvery} while quiet
 * and opened again after a failure; {@code reconnected} is called each time it listens again (what changed meanwhile
 * was told to no one here).
 */
final class ViewChangeListener {

    static final String CHANNEL = "ars_views_changed";
    private static final Logger log = LoggerFactory.getLogger(ViewChangeListener.class);

    private final String url;
    private final String username;
    private final String password;
    private final Duration checkEvery;
    private final Consumer<String> changed;
    private final Runnable reconnected;
    private volatile boolean running;

    ViewChangeListener(
            String url,
            String username,
            String password,
            Duration checkEvery,
            Consumer<String> changed,
            Runnable reconnected) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.checkEvery = checkEvery;
        this.changed = changed;
        this.reconnected = reconnected;
    }

    void start() {
        running = true;
        Thread thread = new Thread(this::listen, "view-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
    }

    private void listen() {
        long backoffMillis = 500;
        boolean first = true;
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, username, password)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                backoffMillis = 500;
                if (!first) {
                    reconnected.run();
                }
                first = false;
                relay(connection);
            } catch (SQLException e) {
                if (running) {
                    log.warn(
                            "not told of the platform's changes ({}): open pages are told again once back",
                            e.toString());
                }
            }
            try {
                Thread.sleep(backoffMillis);
            } catch (InterruptedException e) {
                return;
            }
            backoffMillis = Math.min(backoffMillis * 2, 10_000);
        }
    }

    private void relay(Connection connection) throws SQLException {
        PGConnection notifications = connection.unwrap(PGConnection.class);
        int waitMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, checkEvery.toMillis()));
        while (running) {
            PGNotification[] arrived = notifications.getNotifications(waitMillis);
            if (arrived != null && arrived.length > 0) {
                for (PGNotification notification : arrived) {
                    changed.accept(notification.getParameter());
                }
            } else if (running && !connection.isValid(2)) {
                throw new SQLException("the listening connection is no longer valid", "08006");
            }
        }
    }
}
