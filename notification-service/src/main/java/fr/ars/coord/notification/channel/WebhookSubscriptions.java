package fr.ars.coord.notification.channel;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Webhook subscriptions, kept in PostgreSQL with their signing secrets. */
@Component
public class WebhookSubscriptions {

    private static final RowMapper<WebhookSubscription> ROW = (rs, n) -> new WebhookSubscription(
            rs.getString("id"),
            rs.getString("url"),
            rs.getString("secret"),
            rs.getString("regions").isEmpty()
                    ? List.of()
                    : Arrays.asList(rs.getString("regions").split(",")),
            rs.getTimestamp("created_at").toInstant(),
            rs.getString("created_by"),
            rs.getTimestamp("revoked_at") == null
                    ? null
                    : rs.getTimestamp("revoked_at").toInstant(),
            rs.getString("revoked_by"),
            rs.getString("revocation_reason"),
            rs.getString("events") == null
                    ? List.of()
                    : Arrays.asList(rs.getString("events").split(",")),
            rs.getString("exercise_id"));

    private final JdbcTemplate jdbc;

    public WebhookSubscriptions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(WebhookSubscription subscription) {
        jdbc.update(
                "INSERT INTO webhook_subscription (id, url, secret, regions, created_at, created_by, events,"
                        + " exercise_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                subscription.id(),
                subscription.url(),
                subscription.secret(),
                String.join(",", subscription.regions()),
                Timestamp.from(subscription.createdAt()),
                subscription.createdBy(),
                String.join(",", subscription.events()),
                subscription.exerciseId());
    }

    public Optional<WebhookSubscription> find(String id) {
        return jdbc.query("SELECT * FROM webhook_subscription WHERE id = ?", ROW, id).stream()
                .findFirst();
    }

    public List<WebhookSubscription> all() {
        return jdbc.query("SELECT * FROM webhook_subscription ORDER BY created_at", ROW);
    }

    /** The subscriptions publications are sent to. */
    public List<WebhookSubscription> active() {
        return jdbc.query("SELECT * FROM webhook_subscription WHERE revoked_at IS NULL ORDER BY created_at", ROW);
    }

    /** Revokes {@code id} once; false when it was already revoked. */
    public boolean revoke(String id, Instant at, String by, String reason) {
        return jdbc.update(
                        "UPDATE webhook_subscription SET revoked_at = ?, revoked_by = ?, revocation_reason = ? "
                                + "WHERE id = ? AND revoked_at IS NULL",
                        Timestamp.from(at),
                        by,
                        reason,
                        id)
                == 1;
    }
}
