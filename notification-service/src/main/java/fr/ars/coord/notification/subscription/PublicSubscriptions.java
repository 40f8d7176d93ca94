package fr.ars.coord.notification.subscription;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The subscriptions, in PostgreSQL ({@code public_subscription}). Each change is one statement, so that several
 * instances answering the same person at once leave one row, send one mail and confirm once.
 */
@Component
public class PublicSubscriptions {

    private static final Duration DAY = Duration.ofDays(1);
    private static final int GIVEN_UP_AFTER_FAILURES = 5;
    private static final RowMapper<PublicSubscription> ROW = (rs, n) -> new PublicSubscription(
            rs.getObject("id", UUID.class),
            rs.getString("email"),
            SubscriptionScope.parse(rs.getString("scope")).orElseThrow(),
            rs.getTimestamp("confirmed_at") != null);

    private final JdbcTemplate jdbc;
    private final SubscriptionProperties properties;

    PublicSubscriptions(JdbcTemplate jdbc, SubscriptionProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Someone asked to subscribe {@code email} to {@code scope}: the row is made if there is none, and a confirmation
     * mail is asked for unless the subscription is already confirmed, one was sent less than
     * {@code resend-after} ago, or the address had its {@code mails-per-address-per-day}. Says nothing back: the
     * person who asked sees the same page whatever happened.
     */
    void request(String email, SubscriptionScope scope, Instant now) {
        jdbc.update(
                "INSERT INTO public_subscription (id, email, scope, created_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (email, scope) DO NOTHING",
                UUID.randomUUID(),
                email,
                scope.code(),
                Timestamp.from(now));
        jdbc.update(
                "UPDATE public_subscription s SET mail_wanted = TRUE, mail_failures = 0"
                        + " WHERE email = ? AND scope = ? AND confirmed_at IS NULL AND NOT mail_wanted"
                        + " AND (last_mail_at IS NULL OR last_mail_at < ?)"
                        + " AND (SELECT COALESCE(SUM(o.mails_in_window), 0) FROM public_subscription o"
                        + "      WHERE o.email = s.email AND o.mail_window_start > ?) < ?",
                email,
                scope.code(),
                Timestamp.from(now.minus(properties.resendAfter())),
                Timestamp.from(now.minus(DAY)),
                properties.mailsPerAddressPerDay());
    }

    /** A confirmation mail to send: where, for what, and the token its link carries. */
    record ConfirmationMail(UUID id, String email, SubscriptionScope scope, String token) {}

    /**
     * Takes the oldest confirmation mail asked for (skipping those another instance is taking), stores the digest of
     * {@code token} as its link's and counts the mail against the address; empty when none is waiting.
     */
    Optional<ConfirmationMail> takeMail(String token, Instant now) {
        Timestamp dayAgo = Timestamp.from(now.minus(DAY));
        return jdbc
                .query(
                        "UPDATE public_subscription SET mail_wanted = FALSE, confirmation_hash = ?,"
                                + " confirmation_expires_at = ?, last_mail_at = ?,"
                                + " mails_in_window = CASE WHEN mail_window_start IS NULL OR mail_window_start < ?"
                                + "   THEN 1 ELSE mails_in_window + 1 END,"
                                + " mail_window_start = CASE WHEN mail_window_start IS NULL OR mail_window_start < ?"
                                + "   THEN ? ELSE mail_window_start END"
                                + " WHERE id = (SELECT id FROM public_subscription WHERE mail_wanted"
                                + "   ORDER BY mail_failures, created_at LIMIT 1 FOR UPDATE SKIP LOCKED)"
                                + " RETURNING id, email, scope",
                        (rs, n) -> new ConfirmationMail(
                                rs.getObject("id", UUID.class),
                                rs.getString("email"),
                                SubscriptionScope.parse(rs.getString("scope")).orElseThrow(),
                                token),
                        SubscriptionTokens.digest(token),
                        Timestamp.from(now.plus(properties.confirmationValidity())),
                        Timestamp.from(now),
                        dayAgo,
                        dayAgo,
                        Timestamp.from(now))
                .stream()
                .findFirst();
    }

    /**
     * The mail taken could not be sent: it is asked for again (after the others waiting), and given up after
     * {@value #GIVEN_UP_AFTER_FAILURES} failures; it does not count against the address.
     */
    void mailFailed(UUID id) {
        jdbc.update(
                "UPDATE public_subscription SET mail_failures = mail_failures + 1,"
                        + " mail_wanted = mail_failures + 1 < ?, confirmation_hash = NULL, last_mail_at = NULL,"
                        + " mails_in_window = GREATEST(mails_in_window - 1, 0) WHERE id = ?",
                GIVEN_UP_AFTER_FAILURES,
                id);
    }

    /** How many confirmation mails were sent in the minute before {@code now}, by every instance. */
    int mailsInLastMinute(Instant now) {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM public_subscription WHERE last_mail_at > ?",
                Integer.class,
                Timestamp.from(now.minus(Duration.ofMinutes(1))));
        return count == null ? 0 : count;
    }

    /** Confirms the subscription whose link carries {@code token}, once, while the link is valid. */
    Optional<SubscriptionScope> confirm(String token, Instant now) {
        return jdbc
                .query(
                        "UPDATE public_subscription SET confirmed_at = ?, confirmation_hash = NULL,"
                                + " confirmation_expires_at = NULL, mail_wanted = FALSE"
                                + " WHERE confirmation_hash = ? AND confirmation_expires_at > ? AND confirmed_at IS NULL"
                                + " RETURNING scope",
                        (rs, n) ->
                                SubscriptionScope.parse(rs.getString("scope")).orElseThrow(),
                        Timestamp.from(now),
                        SubscriptionTokens.digest(token),
                        Timestamp.from(now))
                .stream()
                .findFirst();
    }

    public Optional<PublicSubscription> find(UUID id) {
        return jdbc.query("SELECT * FROM public_subscription WHERE id = ?", ROW, id).stream()
                .findFirst();
    }

    /** Forgets the subscription and its address; the scope it had, when it existed. */
    Optional<SubscriptionScope> remove(UUID id) {
        return jdbc
                .query(
                        "DELETE FROM public_subscription WHERE id = ? RETURNING scope",
                        (rs, n) ->
                                SubscriptionScope.parse(rs.getString("scope")).orElseThrow(),
                        id)
                .stream()
                .findFirst();
    }

    /** The confirmed subscriptions to {@code scope}, oldest first. */
    public List<UUID> confirmed(SubscriptionScope scope) {
        return jdbc.queryForList(
                "SELECT id FROM public_subscription WHERE scope = ? AND confirmed_at IS NOT NULL ORDER BY confirmed_at, id",
                UUID.class,
                scope.code());
    }

    /**
     * Forgets the addresses never confirmed: those whose link expired, and those whose mail could not be sent within
     * the link's validity. Returns how many.
     */
    int purge(Instant now) {
        return jdbc.update(
                "DELETE FROM public_subscription WHERE confirmed_at IS NULL AND NOT mail_wanted"
                        + " AND (confirmation_expires_at < ? OR (confirmation_expires_at IS NULL AND created_at < ?))",
                Timestamp.from(now),
                Timestamp.from(now.minus(properties.confirmationValidity())));
    }
}
